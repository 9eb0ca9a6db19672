package dev.hadoopkit.workflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} on coordinator.xml and bundle.xml: what it prints and its exit codes. */
class CoordinatorValidateCliTest {
  @TempDir
  Path root;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return InProcessWorkflowCli.run(root, out, err, args);
  }

  private static final String COORDINATOR = "<coordinator-app xmlns=\"uri:oozie:coordinator:0.4\" name=\"daily\""
      + " frequency=\"${coord:days(1)}\" start=\"${start}\" end=\"2009-02-01T00:00Z\" timezone=\"UTC\">\n"
      + "<action><workflow><app-path>${nameNode}/apps/wf</app-path></workflow></action>\n</coordinator-app>\n";

  @Test
  void validatesACoordinatorDirectoryAndFile() throws Exception {
    Path app = Files.createDirectories(root.resolve("coord"));
    Files.writeString(app.resolve("coordinator.xml"), COORDINATOR);
    assertEquals(0, run("validate", app.toString()), out + "" + err);
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Valid coordinator: " + app.resolve("coordinator.xml")
        + " (uri:oozie:coordinator:0.4, name daily); to define at submission: nameNode, start"), out.toString());
    assertEquals(0, run("validate", app.resolve("coordinator.xml").toString()));
  }

  @Test
  void reportsCoordinatorErrorsWithCodeAndPlace() throws Exception {
    Path file = root.resolve("coordinator.xml");
    Files.writeString(file, COORDINATOR.replace("timezone=\"UTC\"", "timezone=\"Nowhere/Land\""));
    assertEquals(2, run("validate", file.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("E1003: " + file + ":1:"), err.toString());
  }

  @Test
  void validatesABundleThroughBinOozie() throws Exception {
    Path file = root.resolve("bundle.xml");
    Files.writeString(file, "<bundle-app name='b' xmlns='uri:oozie:bundle:0.2'>\n"
        + "<coordinator name='c1'><app-path>${appRoot}/c1</app-path></coordinator>\n"
        + "<coordinator name='c2'><app-path>${appRoot}/c2</app-path></coordinator>\n</bundle-app>\n");
    List<String> translated = OozieCli.translate(List.of("validate", file.toString()));
    assertEquals(0, run(translated.toArray(new String[0])), err.toString());
    assertEquals("Valid bundle: " + file + " (uri:oozie:bundle:0.2, name b, 2 coordinators)\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aKickOffTimeGivenAtSubmissionValidatesAndABadOneIsE1310() throws Exception {
    Path file = root.resolve("bundle.xml");
    String bundle = "<bundle-app name='b' xmlns='uri:oozie:bundle:0.2'>\n"
        + "<controls><kick-off-time>KICKOFF</kick-off-time></controls>\n"
        + "<coordinator name='c1'><app-path>${appRoot}/c1</app-path></coordinator>\n</bundle-app>\n";
    Files.writeString(file, bundle.replace("KICKOFF", "${kickOffTime}"));
    assertEquals(0, run("validate", file.toString()), err.toString());
    Files.writeString(file, bundle.replace("KICKOFF", "tomorrow"));
    assertEquals(2, run("validate", file.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("E1310: " + file + ":2:"), err.toString());
  }
}
