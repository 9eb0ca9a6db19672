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

/** What the commands print and their exit codes. */
class WorkflowCliTest {
  @TempDir
  Path root;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return InProcessWorkflowCli.run(root, out, err, args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path app(String xml) throws Exception {
    Path dir = Files.createDirectories(root.resolve("app"));
    Files.writeString(dir.resolve("workflow.xml"), xml);
    return dir;
  }

  private static final String GOOD = "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"good\">\n"
      + "  <parameters><property><name>target</name></property></parameters>\n"
      + "  <start to=\"mk\"/>\n  <action name=\"mk\"><fs><mkdir path=\"${target}\"/></fs>"
      + "<ok to=\"end\"/><error to=\"fail\"/></action>\n"
      + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n";

  @Test
  void helpListsCommandsSettingsAndExamples() {
    assertEquals(0, run("--help"));
    for (String command : List.of("validate", "run", "info", "log", "kill", "rerun", "graph", "bench")) {
      assertTrue(out().contains("  " + command + " "), command + " missing from:\n" + out());
    }
    assertTrue(out().contains("hk.workflow.capture-output.max"));
    assertEquals(2, run());
  }

  @Test
  void commandHelpShowsUsageAndExamples() {
    assertEquals(0, run("rerun", "--help"));
    assertTrue(out().contains("Usage: bin/workflow rerun <id>"));
    assertTrue(out().contains("oozie.wf.rerun.failnodes=true"));
  }

  @Test
  void unknownCommandAndOptionAreUsageErrors() {
    assertEquals(2, run("frobnicate"));
    assertTrue(err().contains("unknown command 'frobnicate'"));
    assertEquals(2, run("validate", "--bogus", "x"));
    assertTrue(err().contains("unknown option -bogus"), err());
  }

  @Test
  void badNumbersAreUsageErrorsNamingTheOption() {
    assertEquals(2, run("serve", "--port", "x"));
    assertTrue(err().contains("Invalid --port 'x': --port needs a number from 0 to 65535"), err());
    assertEquals(2, run("serve", "--port", "70000"));
    assertTrue(err().contains("Invalid --port '70000'"), err());
    assertEquals(2, run("serve", "--pool", "0"));
    assertTrue(err().contains("Invalid --pool '0': --pool needs a number from 1"), err());
    assertEquals(2, run("bench", "--chain", "x"));
    assertTrue(err().contains("Invalid --chain 'x'"), err());
    assertEquals(2, run("bench", "--coord", "--coords", "1.5"));
    assertTrue(err().contains("Invalid --coords '1.5'"), err());
    assertEquals(2, run("jobs", "-len", "x"));
    assertTrue(err().contains("Invalid -len 'x': -len needs a number from 0"), err());
    assertEquals(2, run("jobs", "-offset", "0"));
    assertTrue(err().contains("Invalid -offset '0': -offset needs a number from 1"), err());
  }

  @Test
  void validateGoodAndBad() throws Exception {
    Path app = app(GOOD);
    assertEquals(0, run("validate", app.toString()));
    assertTrue(out().contains("Valid workflow: " + app.resolve("workflow.xml")), out());
    Files.writeString(app.resolve("workflow.xml"), GOOD.replace("to=\"end\"/><error", "to=\"ned\"/><error"));
    assertEquals(2, run("validate", app.toString()));
    assertTrue(err().contains("E0708: " + app.resolve("workflow.xml") + ":4:"), err());
    assertTrue(err().contains("[ned]"), err());
  }

  @Test
  void malformedXmlIsOneLineWithPlaceAndExitTwo() throws Exception {
    Path app = app("<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"x\">\n<start to=\"a\">\n</workflow-app>");
    assertEquals(2, run("validate", app.toString()));
    assertTrue(err().startsWith("workflow validate: E0701: " + app.resolve("workflow.xml") + ":3:"), err());
    assertEquals(1, err().strip().lines().count(), err());
  }

  @Test
  void missingParameterStopsRunBeforeAnythingStarts() throws Exception {
    Path app = app(GOOD);
    assertEquals(2, run("run", app.toString()));
    assertTrue(err().contains("E0738") && err().contains("target"), err());
    assertTrue(!Files.exists(root.resolve("state")) || Files.list(root.resolve("state")).findAny().isEmpty(),
        "nothing may be started");
  }

  /** Issue 12 item 5: backslashes next to ${…} reach the action as written, and -dryrun shows what it gets. */
  @Test
  void dryrunShowsTheArgumentsTheRunPasses() throws Exception {
    Path app = app("<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"echo\">\n  <start to=\"say\"/>\n"
        + "  <action name=\"say\"><shell xmlns=\"uri:oozie:shell-action:0.3\"><exec>echo</exec>"
        + "<argument>[a\\tb] [c\\\\d] ${wf:run()}</argument></shell><ok to=\"end\"/><error to=\"fail\"/></action>\n"
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Path props = Files.writeString(root.resolve("job.properties"), "nameNode=file:///\njobTracker=local\n"
        + "oozie.wf.application.path=" + app.toUri() + "\n");
    assertEquals(0, run("run", "-config", props.toString(), "-dryrun"));
    assertTrue(out().contains("<argument>[a\\tb] [c\\\\d] 0</argument>"), out());

    out.reset();
    assertEquals(0, run("run", "-config", props.toString()));
    assertTrue(out().contains("    | [a\\tb] [c\\\\d] 0\n"), out());
  }

  /** Issue 12 item 4: "fix a property and rerun" — job.properties and -D of a rerun reach the rerun. */
  @Test
  void rerunTakesFixedPropertiesFromConfigAndD() throws Exception {
    Path app = app("<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"fix\">\n  <start to=\"check\"/>\n"
        + "  <action name=\"check\"><shell xmlns=\"uri:oozie:shell-action:0.3\"><exec>test</exec>"
        + "<argument>${mode}-${level}</argument><argument>=</argument><argument>fixed-2</argument></shell>"
        + "<ok to=\"end\"/><error to=\"fail\"/></action>\n"
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Path props = Files.writeString(root.resolve("job.properties"), "nameNode=file:///\njobTracker=local\n"
        + "oozie.wf.application.path=" + app.toUri() + "\nmode=broken\nlevel=1\n");
    assertEquals(1, run("run", "-config", props.toString()));
    String id = out().lines().filter(l -> l.startsWith("job: ")).findFirst().orElseThrow().substring(5);

    Files.writeString(props, Files.readString(props).replace("mode=broken", "mode=fixed"));
    out.reset();
    assertEquals(0, run("rerun", id, "-config", props.toString(), "-D", "level=2"), out() + err());
    assertTrue(out().contains("RERUN     run 1  new configuration: "), out());
    assertTrue(out().contains("Workflow " + id + " SUCCEEDED (run 1)"), out());
  }

  @Test
  void runDryrunInfoLogAndGraph() throws Exception {
    Path app = app(GOOD);
    Path target = root.resolve("made");
    Path props = Files.writeString(root.resolve("job.properties"), "nameNode=file:///\njobTracker=local\n"
        + "oozie.wf.application.path=" + app.toUri() + "\n");
    assertEquals(0, run("run", "-config", props.toString(), "-dryrun", "-D", "target=" + target.toUri()));
    assertTrue(out().contains("target=" + target.toUri()), out());
    assertTrue(out().contains("<mkdir path=\"" + target.toUri() + "\"/>"), out());
    assertTrue(!Files.exists(target), "dryrun must not run anything");

    out.reset();
    assertEquals(0, run("run", "-config", props.toString(), "-Dtarget=" + target.toUri()));
    assertTrue(Files.isDirectory(target));
    String printed = out();
    String id = printed.lines().filter(l -> l.startsWith("job: ")).findFirst().orElseThrow().substring(5);
    assertTrue(printed.contains("mk                       OK        -> end"), printed);
    assertTrue(printed.contains("Workflow " + id + " SUCCEEDED"), printed);

    out.reset();
    assertEquals(0, run("info", id));
    assertTrue(out().contains("Status        : SUCCEEDED"), out());
    assertTrue(out().lines().anyMatch(l -> l.startsWith("mk ") && l.contains(" OK ")), out());

    out.reset();
    assertEquals(0, run("log", id));
    assertTrue(out().contains("WORKFLOW  SUCCEEDED"), out());

    out.reset();
    assertEquals(0, run("graph", app.toString(), "--run", id));
    assertTrue(out().contains("\"mk\" [shape=box, label=\"mk\\n(fs)\", fillcolor=palegreen];"), out());
    assertTrue(out().contains("\"mk\" -> \"fail\" [color=red, label=\"error\"];"), out());

    assertEquals(1, run("info", "0000099-000000000000000-hk-W"));
    assertTrue(err().contains("no run 0000099-000000000000000-hk-W in " + root.resolve("state")), err());
  }

  /** Issue 15 defect 11: an id must be an id; nothing is created outside the state dir. */
  @Test
  void resumeRefusesAPathAsIdAndNamesAnUnknownRun() throws Exception {
    Files.createDirectories(root.resolve("state"));
    Files.createDirectories(root.resolve("x"));
    assertEquals(2, run("run", "--resume", "../x"));
    assertTrue(err().contains("'../x' is not a run id"), err());
    assertTrue(err().contains("0000003-261121203000123-hk-W"), err());
    assertEquals(1, err().strip().lines().count(), err());
    try (var files = Files.list(root.resolve("x"))) {
      assertEquals(List.of(), files.toList(), "nothing may be created outside the state dir");
    }
    for (String command : List.of("info", "log", "kill", "rerun")) {
      err.reset();
      assertEquals(2, run(command, "../x"), command + ": " + err());
      assertTrue(err().contains("'../x' is not a run id"), command + ": " + err());
    }

    err.reset();
    assertEquals(1, run("run", "--resume", "0000042-261121203000123-hk-W"));
    assertEquals("workflow run: no run 0000042-261121203000123-hk-W in " + root.resolve("state")
        + " (set -Dhk.workflow.state.dir or HK_WORKFLOW_STATE_DIR if the runs live elsewhere)", err().strip());
    assertTrue(!Files.exists(root.resolve("state/0000042-261121203000123-hk-W")));
  }

  /** Issue 15 defect 11: E0738 names every missing parameter and variable in one message. */
  @Test
  void missingParametersAndVariablesAreListedAtOnce() throws Exception {
    Path app = app("<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"many\">\n"
        + "  <parameters><property><name>target</name></property><property><name>other</name></property>"
        + "</parameters>\n  <start to=\"mk\"/>\n  <action name=\"mk\"><fs><mkdir path=\"${target}/${inputDir}\"/>"
        + "<mkdir path=\"${outputDir}\"/></fs><ok to=\"end\"/><error to=\"fail\"/></action>\n"
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    assertEquals(2, run("run", app.toString()));
    assertTrue(err().contains("the following 4 parameters are required") && err().contains(
        "target, other, inputDir, outputDir"), err());
    assertEquals(1, err().strip().lines().count(), err());
  }

  /** Issue 15 defect 11: validate applies the EL check of run (syntax and functions; variables come later). */
  @Test
  void validateRejectsTheElThatRunRejects() throws Exception {
    for (String el : List.of("${wf:bogus()}", "${wf:id(}")) {
      Path app = app(GOOD.replace("${target}", "/tmp/" + el));
      err.reset();
      assertEquals(2, run("validate", app.toString()), el + ": " + out());
      assertTrue(err().contains("EL_ERROR: " + app.resolve("workflow.xml") + ":4:"), el + ": " + err());
      assertEquals(1, err().strip().lines().count(), err());
      String validateError = err().substring(err().indexOf("EL_ERROR"));
      Path props = Files.writeString(root.resolve("job.properties"), "target=x\n");
      err.reset();
      assertEquals(2, run("run", "-config", props.toString(), app.toString()));
      assertEquals(validateError, err().substring(err().indexOf("EL_ERROR")), "the same check as run");
    }
    assertEquals(0, run("validate", app(GOOD.replace("${target}", "${wf:id()}/${undefinedYet}")).toString()),
        err());
  }

  /** Issue 15 defect 11: a binary job.properties is named, with what is wrong with it. */
  @Test
  void binaryJobPropertiesIsNamedWithTheProblem() throws Exception {
    Path props = root.resolve("job.properties");
    Files.write(props, new byte[] {'a', '=', 'b', '\n', (byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertEquals(2, run("run", "-config", props.toString()));
    assertTrue(err().contains("E0710: " + props + ": "), err());
    assertTrue(err().contains("not a text file") && err().contains("line 2"), err());
    assertTrue(!err().contains("Input length"), err());
    assertEquals(1, err().strip().lines().count(), err());
    Files.write(props, new byte[] {'a', '=', (byte) 0xc3, '\n'});
    err.reset();
    assertEquals(2, run("run", "-config", props.toString()));
    assertTrue(err().contains("not valid UTF-8 at line 1, byte 3"), err());
  }

  @Test
  void oozieSpellingIsTranslated() throws Exception {
    assertEquals(List.of("run", "-config", "job.properties"),
        OozieCli.translate(List.of("job", "-oozie", "http://host:11000/oozie", "-config", "job.properties", "-run")));
    assertEquals(List.of("info", "0000001-x-hk-W", "--format", "oozie"),
        OozieCli.translate(List.of("job", "-info", "0000001-x-hk-W")));
    assertEquals(List.of("submit", "-config", "j"), OozieCli.translate(List.of("job", "-config", "j", "-submit")));
    assertEquals(List.of("start", "id"), OozieCli.translate(List.of("job", "-start", "id")));
    assertEquals(List.of("jobs", "--format", "oozie", "-filter", "status=RUNNING;name=x", "-len", "3"),
        OozieCli.translate(List.of("jobs", "-filter", "status=RUNNING;name=x", "-len", "3")));
    assertEquals(List.of("rerun", "id", "-D", "oozie.wf.rerun.failnodes=true"),
        OozieCli.translate(List.of("job", "-rerun", "id", "-D", "oozie.wf.rerun.failnodes=true")));
    assertEquals(List.of("run", "-config", "j", "-dryrun"), OozieCli.translate(List.of("job", "-config", "j",
        "-dryrun")));
    assertEquals(List.of("validate", "wf.xml"), OozieCli.translate(List.of("validate", "wf.xml")));
  }
}
