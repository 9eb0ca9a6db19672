package dev.hadoopkit.workflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.SecretBox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret job properties (name contains password/secret/token/credential) reach the actions through EL but appear
 * nowhere in clear: not in any file under the state dir, not in run/-dryrun/info/log output.
 */
class SecretPropertiesIT {
  private static final String PASSWORD = "S3cr3t-Pa55-from-D";
  private static final String TOKEN = "tok-7f3a9c-from-job-properties";

  @TempDir
  Path root;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private String cli(int expectedExit, String... args) {
    out.reset();
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new WorkflowCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("HK_WORKFLOW_STATE_DIR", root.resolve("state").toString())).withConf(conf).run(args);
    String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, exit, text);
    return text;
  }

  private static String shell(String name, String script, List<String> args, String ok, String error) {
    StringBuilder xml = new StringBuilder("  <action name=\"" + name + "\">\n    <shell xmlns=\"uri:oozie:shell-action:0.3\">\n"
        + "      <exec>bash</exec><argument>-c</argument><argument>" + script + "</argument>"
        + "<argument>" + name + "</argument>\n");
    args.forEach(a -> xml.append("      <argument>").append(a).append("</argument>\n"));
    xml.append("      <capture-output/>\n    </shell>\n    <ok to=\"").append(ok).append("\"/><error to=\"")
        .append(error).append("\"/>\n  </action>\n");
    return xml.toString();
  }

  /*
   *  start -> use(shell: gets ${dbPassword} and ${apiToken}, writes them outside the state dir, echoes them to
   *               stdout/stderr and capture-output) -> bad(shell: prints the password to stderr, exit 1)
   *                                                      \--error--> fail(kill: message with ${dbPassword})
   */
  @Test
  void secretPropertiesResolveForActionsButAreMaskedEverywhere() throws Exception {
    Path seen = root.resolve("seen-by-action.txt");
    Path app = Files.createDirectories(root.resolve("app"));
    Files.writeString(app.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"secrets\">\n"
        + "  <start to=\"use\"/>\n"
        + shell("use", "printf '%s %s' \"$1\" \"$2\" &gt; " + seen + "; echo \"connecting with $1\";"
            + " echo \"token $2\" &gt;&amp;2; echo \"pw=$1\"", List.of("${dbPassword}", "${apiToken}"), "bad", "fail")
        + shell("bad", "echo \"login failed for password $1\" &gt;&amp;2; exit 1", List.of("${dbPassword}"), "end",
            "fail")
        + "  <kill name=\"fail\"><message>could not log in with ${dbPassword}</message></kill>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    Path properties = root.resolve("job.properties");
    Files.writeString(properties, "oozie.wf.application.path=" + app + "\napiToken=" + TOKEN + "\n"
        + "dbPassword=overridden-by-D\n");

    String dryrun = cli(0, "run", "-config", properties.toString(), "-D", "dbPassword=" + PASSWORD, "-dryrun");
    assertTrue(dryrun.contains("dbPassword=********"), dryrun);
    assertTrue(dryrun.contains("apiToken=********"), dryrun);
    assertTrue(dryrun.contains("<argument>********</argument>"), dryrun);

    String run = cli(1, "run", "-config", properties.toString(), "-D", "dbPassword=" + PASSWORD);
    assertTrue(run.contains("could not log in with ********"), run);
    assertEquals(PASSWORD + " " + TOKEN, Files.readString(seen), "the action must get the real values");
    Matcher id = Pattern.compile("job: (\\S+)").matcher(run);
    assertTrue(id.find(), run);

    String info = cli(0, "info", id.group(1));
    assertTrue(info.contains("login failed for password ********"), info);
    String log = cli(0, "log", id.group(1));
    assertTrue(log.contains("connecting with ********"), log);
    assertTrue(log.contains("token ********"), log);

    List<String> outputs = List.of(dryrun, run, info, log);
    for (String output : outputs) {
      assertFalse(output.contains(PASSWORD), output);
      assertFalse(output.contains(TOKEN), output);
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root.resolve("state"))) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    assertTrue(files.size() > 8, files.toString());
    for (Path file : files) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertFalse(bytes.contains(PASSWORD), "password in clear in " + file);
      assertFalse(bytes.contains(TOKEN), "token in clear in " + file);
    }
    Path journal = root.resolve("state").resolve(id.group(1)).resolve("journal.jsonl");
    assertTrue(Files.readString(journal).contains("\"dbPassword\":\"enc:v1:"), Files.readString(journal));

    Path key = root.resolve("state").resolve(SecretBox.KEY_FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    // a resumed or rerun engine gets the values back from the journal
    RunStore store = new RunStore(root.resolve("state"), true);
    assertEquals(PASSWORD, store.loadForRun(id.group(1)).info().conf().get("dbPassword"));
    assertEquals(TOKEN, store.loadForRun(id.group(1)).info().conf().get("apiToken"));
  }
}
