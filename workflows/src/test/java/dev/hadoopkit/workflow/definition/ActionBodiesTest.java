package dev.hadoopkit.workflow.definition;

import static dev.hadoopkit.workflow.definition.WorkflowTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser gives every action its body typed, EL unresolved, with what the executors read from the DOM. */
class ActionBodiesTest {
  /** The typed body of the single action "a" of a workflow with this action body. */
  private static ActionBody body(String actionBody) throws WorkflowException {
    WorkflowDefinition definition = parse("<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"w\">\n"
        + "<start to=\"a\"/>\n<action name=\"a\">" + actionBody + "<ok to=\"end\"/><error to=\"fail\"/></action>\n"
        + "<kill name=\"fail\"><message>m</message></kill>\n<end name=\"end\"/>\n</workflow-app>\n");
    ActionSpec spec = ((Node.Action) definition.nodes().get("a")).spec();
    assertEquals(spec.type(), spec.body().type());
    return spec.body();
  }

  @Test
  void shellWithClusterPrepareAndFiles() throws Exception {
    ActionBody.Shell shell = assertInstanceOf(ActionBody.Shell.class, body(
        "<shell xmlns=\"uri:oozie:shell-action:1.0\"><resource-manager>${resourceManager}</resource-manager>"
        + "<name-node>${nameNode}</name-node><prepare><delete path=\" ${out} \"/><mkdir path=\"/tmp/m\"/></prepare>"
        + "<configuration><property><name>mapred.job.queue.name</name><value>${queue}</value></property>"
        + "</configuration><exec>run.sh</exec><argument>-v</argument><argument>${input}</argument>"
        + "<env-var>LANG=C</env-var><file>run.sh#run.sh</file><archive>tools.zip</archive><capture-output/>"
        + "</shell>"));
    assertEquals("run.sh", shell.exec());
    assertEquals(List.of("-v", "${input}"), shell.arguments());
    assertEquals(List.of("LANG=C"), shell.envVars());
    assertTrue(shell.captureOutput());
    ActionBody.Hadoop hadoop = shell.hadoop();
    assertEquals("${resourceManager}", hadoop.resourceManager());
    assertEquals("${nameNode}", hadoop.nameNode());
    assertEquals(List.of("${out}"), hadoop.prepareDeletes());
    assertEquals(List.of("/tmp/m"), hadoop.prepareMkdirs());
    assertEquals(Map.of("mapred.job.queue.name", "${queue}"), hadoop.configuration());
    assertEquals(List.of("run.sh#run.sh"), hadoop.files());
    assertEquals(List.of("tools.zip"), hadoop.archives());
  }

  @Test
  void fsOperationsInOrder() throws Exception {
    ActionBody.Fs fs = assertInstanceOf(ActionBody.Fs.class, body("<fs><delete path=\"/a\"/>"
        + "<mkdir path=\"/b\"/><move source=\"/b\" target=\"/c\"/>"
        + "<chmod path=\"/c\" permissions=\"750\" dir-files=\"false\"><recursive/></chmod><touchz path=\"/c/f\"/>"
        + "<chgrp path=\"/c\" group=\"etl\"/></fs>"));
    assertEquals(List.of(new ActionBody.FsOperation.Delete("/a"), new ActionBody.FsOperation.Mkdir("/b"),
        new ActionBody.FsOperation.Move("/b", "/c"), new ActionBody.FsOperation.Chmod("/c", "750", false, true),
        new ActionBody.FsOperation.Touchz("/c/f"), new ActionBody.FsOperation.Chgrp("/c", "etl", true, false)),
        fs.operations());
    assertNull(fs.nameNode());
  }

  @Test
  void javaMapReduceAndSubWorkflow() throws Exception {
    ActionBody.Java java = assertInstanceOf(ActionBody.Java.class, body("<java><job-tracker>jt</job-tracker>"
        + "<name-node>nn</name-node><main-class>org.example.Main</main-class><java-opts>-Xmx1g</java-opts>"
        + "<arg>one</arg><arg>two</arg></java>"));
    assertEquals("org.example.Main", java.mainClass());
    assertEquals("-Xmx1g", java.javaOpts());
    assertEquals(List.of("one", "two"), java.args());
    assertEquals("jt", java.hadoop().resourceManager(), "job-tracker is the resource manager of older schemas");
    assertFalse(java.captureOutput());

    ActionBody.MapReduce streaming = assertInstanceOf(ActionBody.MapReduce.class, body("<map-reduce>"
        + "<job-tracker>jt</job-tracker><name-node>nn</name-node><streaming><mapper>cat</mapper>"
        + "<reducer>wc -l</reducer><env>A=1</env></streaming></map-reduce>"));
    assertEquals(new ActionBody.Streaming("cat", "wc -l", null, List.of(), List.of("A=1")), streaming.streaming());
    ActionBody.MapReduce plain = assertInstanceOf(ActionBody.MapReduce.class, body("<map-reduce>"
        + "<job-tracker>jt</job-tracker><name-node>nn</name-node></map-reduce>"));
    assertNull(plain.streaming());

    ActionBody.SubWorkflow sub = assertInstanceOf(ActionBody.SubWorkflow.class, body("<sub-workflow>"
        + "<app-path>${nameNode}/child</app-path><propagate-configuration/><configuration><property><name>k</name>"
        + "<value>v</value></property></configuration></sub-workflow>"));
    assertEquals(new ActionBody.SubWorkflow("${nameNode}/child", true, Map.of("k", "v")), sub);
  }

  @Test
  void distcpEmailSqoopAndHive2() throws Exception {
    ActionBody.Distcp distcp = assertInstanceOf(ActionBody.Distcp.class, body(
        "<distcp xmlns=\"uri:oozie:distcp-action:0.2\"><job-tracker>jt</job-tracker><name-node>nn</name-node>"
        + "<arg>/from</arg><arg>/to</arg></distcp>"));
    assertEquals(List.of("/from", "/to"), distcp.args());
    ActionBody.Email email = assertInstanceOf(ActionBody.Email.class, body(
        "<email xmlns=\"uri:oozie:email-action:0.2\"><to>a@example.org</to><subject>s</subject><body>b</body>"
        + "</email>"));
    assertEquals(new ActionBody.Email("a@example.org", null, null, "s", "b", null, null), email);
    ActionBody.Sqoop sqoop = assertInstanceOf(ActionBody.Sqoop.class, body(
        "<sqoop xmlns=\"uri:oozie:sqoop-action:0.4\"><job-tracker>jt</job-tracker><name-node>nn</name-node>"
        + "<command>import --table t</command></sqoop>"));
    assertEquals("import --table t", sqoop.command());
    ActionBody.Hive2 hive2 = assertInstanceOf(ActionBody.Hive2.class, body(
        "<hive2 xmlns=\"uri:oozie:hive2-action:1.0\"><resource-manager>rm</resource-manager><name-node>nn</name-node>"
        + "<jdbc-url>jdbc:mariadb://db/x</jdbc-url><password>s3cret</password><query>select 1</query>"
        + "<param>a=1</param></hive2>"));
    assertEquals("s3cret", hive2.password());
    assertEquals("select 1", hive2.query());
    assertEquals(List.of("a=1"), hive2.params());
    assertFalse(hive2.toString().contains("s3cret"), "a password is never printed: " + hive2);
  }

  @Test
  void argumentsStayAsWrittenAndPipesAreSeen() throws Exception {
    ActionBody.Java java = assertInstanceOf(ActionBody.Java.class, body("<java><job-tracker>jt</job-tracker>"
        + "<name-node>nn</name-node><main-class>M</main-class><java-opt> -Dx=1 </java-opt><arg> a b </arg></java>"));
    assertEquals(List.of(" a b "), java.args(), "an <arg> goes to the main as written");
    assertEquals(List.of("-Dx=1"), java.javaOpt());
    ActionBody.Shell shell = assertInstanceOf(ActionBody.Shell.class, body(
        "<shell xmlns=\"uri:oozie:shell-action:1.0\"><exec>echo</exec><argument> x </argument></shell>"));
    assertEquals(List.of(" x "), shell.arguments(), "an <argument> goes to the command as written");
    ActionBody.MapReduce pipes = assertInstanceOf(ActionBody.MapReduce.class, body("<map-reduce>"
        + "<job-tracker>jt</job-tracker><name-node>nn</name-node><pipes><program>p</program></pipes></map-reduce>"));
    assertTrue(pipes.pipes());
  }

  @Test
  void aTypeWithoutAnExecutorKeepsItsName() throws Exception {
    assertEquals(new ActionBody.Other("pig"), body("<pig><script>x.pig</script></pig>"));
  }
}
