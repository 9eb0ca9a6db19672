package dev.hadoopkit.workflow.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.ingest.EmbeddedIngest;
import dev.hadoopkit.workflow.definition.ActionBodies;
import dev.hadoopkit.workflow.definition.ActionBody;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** How the sqoop action builds the command line, hides passwords and sums counters (no database, no Hadoop job). */
class SqoopArgumentsTest {
  private static Element sqoop(String inner) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    String xml = "<sqoop xmlns=\"uri:oozie:sqoop-action:0.4\">" + inner + "</sqoop>";
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }

  /** The typed body the engine gives the executor for this (EL-free) element. */
  private static ActionBody.Sqoop typed(Element sqoop) {
    return (ActionBody.Sqoop) ActionBodies.of(sqoop);
  }

  private static ActionBody.Sqoop typed(String inner) throws Exception {
    return typed(sqoop(inner));
  }

  @Test
  void commandIsSplitOnAnyWhitespaceWithoutQuoting() throws Exception {
    Element body = sqoop("<command>\n  import --connect jdbc:mysql://h/db\n\t--table  movies --where 'a = 1'\n"
        + "</command>");
    assertEquals(List.of("import", "--connect", "jdbc:mysql://h/db", "--table", "movies", "--where", "'a", "=",
        "1'"), SqoopActionExecutor.arguments(typed(body)));
  }

  @Test
  void argsAreTakenVerbatimOnePerElement() throws Exception {
    Element body = sqoop("<arg>import</arg><arg>--where</arg><arg> rating &gt; 3 </arg>");
    assertEquals(List.of("import", "--where", "rating > 3"), SqoopActionExecutor.arguments(typed(body)));
  }

  @Test
  void onlyPlainExportsAreUnsafeToRepeatAfterAnInterruption() throws Exception {
    SqoopActionExecutor sqoop = new SqoopActionExecutor();
    assertEquals(java.util.Optional.of("sqoop export into table events without --staging-table"),
        sqoop.notIdempotent(typed("<command>export --connect jdbc:mysql://h/db --table events --export-dir /d"
            + "</command>")));
    assertEquals(java.util.Optional.of("sqoop export into table t without --staging-table"),
        sqoop.notIdempotent(typed("<arg>-D</arg><arg>a=b</arg><arg>export</arg><arg>--table=t</arg>")));
    assertEquals(java.util.Optional.empty(), sqoop.notIdempotent(typed("<command>export --table t"
        + " --staging-table t_stage --export-dir /d</command>")));
    assertEquals(java.util.Optional.empty(), sqoop.notIdempotent(typed("<command>export --table t --update-key"
        + " id"
        + " --export-dir /d</command>")));
    assertEquals(java.util.Optional.empty(), sqoop.notIdempotent(typed("<command>import --table t</command>")));
  }

  @Test
  void passwordFilesAndSecretNamedFilesAreSecret() throws Exception {
    Element body = sqoop("<command>export --connect jdbc:mysql://h/db --password-file db.pw --table t</command>"
        + "<file>/etc/hk/db.pw</file><file>lib/options.txt#opts</file><file>/keys/api.token#k</file>"
        + "<file>conn.properties#cp</file>");
    assertEquals(List.of("db.pw", "k", "cp"), SecretFiles.links(body, "file:///app",
        Map.of("connParamsSecretFile", "file:///app/conn.properties", "queue", "etl")));
    assertEquals(List.of(), SecretFiles.links(sqoop("<command>import --table t</command><file>data.csv</file>"),
        "file:///app", Map.of()));
  }

  @Test
  void emptyCommandHasNoArguments() throws Exception {
    assertEquals(List.of(), SqoopActionExecutor.arguments(typed("<command>   </command>")));
  }

  @Test
  void passwordsFromOptionsAndUrlsAreMasked() {
    List<String> args = List.of("import", "--connect", "jdbc:mysql://h/db?user=u&password=urlpw&ssl=true",
        "--password", "optpw", "--password=eqpw", "--table", "t");
    List<String> secrets = SqoopActionExecutor.secrets(args);
    assertEquals(List.of("import", "--connect", "jdbc:mysql://h/db?user=u&password=********&ssl=true",
        "--password", "********", "--password=********", "--table", "t"),
        SqoopActionExecutor.mask(args, secrets));
    assertEquals("login failed for ******** at h", SqoopActionExecutor.mask("login failed for optpw at h", secrets));
  }

  @Test
  void noPasswordMeansNothingIsMasked() {
    List<String> args = List.of("import", "--connect", "jdbc:mysql://h/db", "--password-file", "/p");
    assertEquals(List.of(), SqoopActionExecutor.secrets(args));
    assertEquals(args, SqoopActionExecutor.mask(args, List.of()));
  }

  @Test
  void countersOfSeveralJobsAreSummedAndRecordsMirrorsTaskCounters() {
    String task = "org.apache.hadoop.mapreduce.TaskCounter";
    String ingest = "dev.hadoopkit.ingest.IngestCounters";
    Map<String, Map<String, Long>> total = SqoopActionExecutor.sum(List.of(
        new EmbeddedIngest.JobReport("job_1", true, Map.of(ingest, Map.of("ROWS_IMPORTED", 3L),
            task, Map.of("MAP_OUTPUT_RECORDS", 2L))),
        new EmbeddedIngest.JobReport("job_2", true, Map.of(ingest, Map.of("ROWS_IMPORTED", 4L, "BYTES_WRITTEN", 9L)))));
    assertEquals(Map.of("ROWS_IMPORTED", 7L, "BYTES_WRITTEN", 9L), total.get(ingest));
    assertEquals(Map.of("MAP_OUTPUT_RECORDS", 2L), total.get(MapReduceActionExecutor.RECORDS_GROUP));
  }
}
