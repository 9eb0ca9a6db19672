package dev.hadoopkit.workflow.definition;

import static dev.hadoopkit.workflow.definition.WorkflowTexts.fails;
import static dev.hadoopkit.workflow.definition.WorkflowTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The disagreements with Oozie 5.2.1's validator that issue 12 lists, each as Oozie decides it (checked against the
 * real validator by OozieValidatorReferenceIT, whose written corpus holds the same cases as files).
 */
class OozieVerdictsTest {
  private static String app(String version, String body) {
    return "<workflow-app xmlns=\"uri:oozie:workflow:" + version + "\" name=\"w\">\n" + body
        + "<kill name=\"fail\"><message>m</message></kill>\n<end name=\"end\"/>\n</workflow-app>\n";
  }

  private static String action(String name, String body, String ok, String error) {
    return "<action name=\"" + name + "\">" + body + "<ok to=\"" + ok + "\"/><error to=\"" + error
        + "\"/></action>\n";
  }

  @Test
  void fsSetrepIsAcceptedInWorkflow05() throws Exception {
    String setrep = "<fs><setrep path=\"/tmp/x\" replication-factor=\"2\"/></fs>";
    parse(app("0.5", "<start to=\"a\"/>\n" + action("a", setrep, "end", "fail")));
    fails(ErrorCode.E0701, app("0.4", "<start to=\"a\"/>\n" + action("a", setrep, "end", "fail")));
    // Oozie 5.2.1's workflow 1.0 schema has no setrep (it was added to 0.5 only)
    fails(ErrorCode.E0701, app("1.0", "<start to=\"a\"/>\n" + action("a", setrep, "end", "fail")));
  }

  @Test
  void credentialsAndCredOnActionsAreAccepted() throws Exception {
    String credentials = "<credentials><credential name=\"hcat\" type=\"hcat\"><property><name>uri</name>"
        + "<value>thrift://h:9083</value></property></credential></credentials>\n";
    String body = "<start to=\"a\"/>\n<action name=\"a\" cred=\"hcat\"><fs><mkdir path=\"/tmp/x\"/></fs>"
        + "<ok to=\"end\"/><error to=\"fail\"/></action>\n";
    for (String version : new String[] {"0.2.5", "0.3", "0.4", "0.5", "1.0"}) {
      parse(app(version, credentials + body));
    }
  }

  @Test
  void hive02NeedsJobTrackerAndNameNodeInsideTheActionWhateverGlobalSays() throws Exception {
    String global = "<global><job-tracker>jt</job-tracker><name-node>nn</name-node></global>\n";
    String bare = "<hive xmlns=\"uri:oozie:hive-action:0.%s\"><script>s.q</script></hive>";
    fails(ErrorCode.E0701, app("0.4", global + "<start to=\"a\"/>\n" + action("a", bare.formatted(2), "end", "fail")));
    parse(app("0.4", global + "<start to=\"a\"/>\n" + action("a", bare.formatted(5), "end", "fail")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "shell 0.3 without exec|<shell xmlns=\"uri:oozie:shell-action:0.3\"><argument>a</argument></shell>",
      "spark 0.2 without jar|<spark xmlns=\"uri:oozie:spark-action:0.2\"><master>local</master><name>n</name></spark>",
      "ssh 0.2 without host|<ssh xmlns=\"uri:oozie:ssh-action:0.2\"><command>ls</command></ssh>",
      "email 0.2 without to|<email xmlns=\"uri:oozie:email-action:0.2\"><subject>s</subject><body>b</body></email>",
      "git 1.0 unknown child|<git xmlns=\"uri:oozie:git-action:1.0\"><branch>b</branch><nope/></git>",
      "sqoop 0.4 without command|<sqoop xmlns=\"uri:oozie:sqoop-action:0.4\"><job-tracker>jt</job-tracker></sqoop>",
      "distcp 0.2 unknown child|<distcp xmlns=\"uri:oozie:distcp-action:0.2\"><arg>a</arg><nope/></distcp>",
      "hive2 0.2 without jdbc-url|<hive2 xmlns=\"uri:oozie:hive2-action:0.2\"><script>s.q</script></hive2>",
      "pig without script|<pig><job-tracker>jt</job-tracker><name-node>nn</name-node></pig>",
      "custom namespace uri:test|<test xmlns=\"uri:test\"><x/></test>"})
  void everyExtensionBodyIsValidatedAgainstOoziesSchema(String what, String body) {
    fails(ErrorCode.E0701, app("0.5", "<start to=\"a\"/>\n" + action("a", body, "end", "fail")));
  }

  /** Oozie 5.2.1's wf-multiple-error-parent: one error handler for actions inside and outside a fork. */
  @Test
  void errorTransitionsSharedInsideAndOutsideForksAreAccepted() throws Exception {
    String mk = "<fs><mkdir path=\"/tmp/x\"/></fs>";
    parse(app("0.5", "<start to=\"pre\"/>\n" + action("pre", mk, "f", "handler")
        + "<fork name=\"f\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + action("a", mk, "j", "handler") + action("b", mk, "j", "handler") + "<join name=\"j\" to=\"post\"/>\n"
        + action("post", mk, "end", "handler") + action("handler", mk, "fail", "fail")));
  }

  /** Oozie 5.2.1 checks names (E0724) after the XSD, on the nodes it reaches; 128 characters at most. */
  @Test
  void aTooLongNodeNameIsE0724() {
    String name = "a" + "b".repeat(128);
    fails(ErrorCode.E0724, app("0.5", "<start to=\"" + name + "\"/>\n"
        + action(name, "<fs><mkdir path=\"/tmp/x\"/></fs>", "end", "fail")));
  }

  /** Oozie walks the graph from start; a node nothing reaches is not checked (its transitions neither). */
  @Test
  void anUnreachableNodeIsNotChecked() throws Exception {
    String mk = "<fs><mkdir path=\"/tmp/x\"/></fs>";
    parse(app("0.5", "<start to=\"a\"/>\n" + action("a", mk, "end", "fail") + action("orphan", mk, "nowhere", "fail")));
  }

  @Test
  void aLongOkErrorChainIsLinear() {
    StringBuilder body = new StringBuilder("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a0\"/>"
        + "<path start=\"side\"/></fork>\n");
    int n = 200;
    for (int i = 0; i < n; i++) {
      String next = i == n - 1 ? "j" : "a" + (i + 1);
      body.append(action("a" + i, "<fs><mkdir path=\"/tmp/x\"/></fs>", next, next));
    }
    body.append(action("side", "<fs><mkdir path=\"/tmp/x\"/></fs>", "j", "fail")).append("<join name=\"j\" to=\"end\"/>\n");
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse(app("0.5", body.toString())));
  }
}
