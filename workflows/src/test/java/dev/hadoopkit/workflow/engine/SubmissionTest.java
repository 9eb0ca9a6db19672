package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import dev.hadoopkit.workflow.el.ElEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter resolution order and the submission-time checks (E0738, EL errors, unreadable app). */
class SubmissionTest {
  @TempDir
  Path root;

  private static final WorkflowParser PARSER = new WorkflowParser();

  private Path app(String parameters, String body) throws Exception {
    Path dir = Files.createDirectories(root.resolve("app"));
    Files.writeString(dir.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"p-${who}\">\n"
        + "  <parameters>" + parameters + "</parameters>\n  <start to=\"a\"/>\n"
        + "  <action name=\"a\"><fs><mkdir path=\"" + body + "\"/></fs><ok to=\"end\"/><error to=\"end\"/></action>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    return dir;
  }

  private Submission prepare(Path app, Map<String, String> job, Map<String, String> overrides) throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    return Submission.prepare(job, overrides, app.toString(), conf, PARSER, new ElEvaluator());
  }

  @Test
  void commandLineOverJobPropertiesOverConfigDefaultOverParameterDefaults() throws Exception {
    Path app = app("<property><name>who</name><value>param-default</value></property>"
        + "<property><name>a</name><value>A</value></property>"
        + "<property><name>b</name><value>B</value></property>"
        + "<property><name>c</name><value>C</value></property>", "file:///tmp/${a}${b}${c}");
    Files.writeString(app.resolve("config-default.xml"), "<configuration>"
        + "<property><name>b</name><value>from-config-default</value></property>"
        + "<property><name>c</name><value>from-config-default</value></property></configuration>");
    Submission s = prepare(app, Map.of("c", "from-job-properties", "who", "job", "dir", "/x/${who}"),
        Map.of("who", "cli"));
    assertEquals("A", s.conf().get("a"));
    assertEquals("from-config-default", s.conf().get("b"));
    assertEquals("from-job-properties", s.conf().get("c"));
    assertEquals("cli", s.conf().get("who"));
    assertEquals("/x/cli", s.conf().get("dir"), "job.properties values expand ${other} properties");
    assertEquals("p-cli", s.name());
  }

  @Test
  void e0738ListsEveryMissingParameter() throws Exception {
    Path app = app("<property><name>who</name></property><property><name>inputDir</name></property>",
        "file:///tmp/${inputDir}");
    WorkflowException e = assertThrows(WorkflowException.class, () -> prepare(app, Map.of(), Map.of()));
    assertEquals(ErrorCode.E0738, e.code());
    assertTrue(e.getMessage().contains("2 parameters") && e.getMessage().contains("who, inputDir"), e.getMessage());
  }

  @Test
  void e0738ForAnUndefinedVariableNamesItsPlace() throws Exception {
    Path app = app("<property><name>who</name><value>w</value></property>", "file:///tmp/${outputDir}");
    WorkflowException e = assertThrows(WorkflowException.class, () -> prepare(app, Map.of(), Map.of()));
    assertEquals(ErrorCode.E0738, e.code());
    assertTrue(e.getMessage().contains("outputDir"), e.getMessage());
    assertEquals(4, e.location().line());
    assertTrue(e.location().file().endsWith("workflow.xml"));
  }

  @Test
  void badElIsRejectedWithItsPlace() throws Exception {
    Path app = app("<property><name>who</name><value>w</value></property>", "file:///tmp/${wf:id(}");
    WorkflowException e = assertThrows(WorkflowException.class, () -> prepare(app, Map.of(), Map.of()));
    assertEquals(ErrorCode.EL_ERROR, e.code());
    assertEquals(4, e.location().line());
  }

  @Test
  void unreadableOrMissingAppPath() {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> prepare(root.resolve("nope"), Map.of(), Map.of()));
    assertEquals(ErrorCode.E0710, e.code());
    WorkflowException noPath = assertThrows(WorkflowException.class, () -> Submission.prepare(Map.of(), Map.of(),
        null, new Configuration(), PARSER, new ElEvaluator()));
    assertEquals(ErrorCode.E0711, noPath.code());
  }

  @Test
  void appPathFromJobPropertiesWithFileSchemeNameNode() throws Exception {
    Path app = app("<property><name>who</name><value>w</value></property>", "file:///tmp/x");
    Submission s = Submission.prepare(Map.of("nameNode", "file://", "oozie.wf.application.path",
        "${nameNode}" + app), Map.of(), null, new Configuration(), PARSER, new ElEvaluator());
    assertEquals("file:" + app, s.app().dir());
    assertEquals(s.app().dir(), s.conf().get("oozie.wf.application.path"));
  }
}
