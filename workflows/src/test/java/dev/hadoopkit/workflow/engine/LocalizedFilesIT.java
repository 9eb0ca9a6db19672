package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 6: {@code <file>}s land in the action's work dir under the state dir with at most their source's
 * mode, and the ones the run marks secret (named like a secret property, or named by a secret property or a
 * {@code --password-file}) are gone once the action ended.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LocalizedFilesIT {
  @TempDir
  Path root;

  /*
   *  start -> use(shell: prints the modes of the localized files and reads the password file) -> end
   *  <file>${dbPasswordFile}#pw</file>   (mode 0400, named by a secret property)
   *  <file>secret.key</file>             (mode 0600, a secret name)
   *  <file>data.txt</file>               (mode 0640, an ordinary file)
   */
  @Test
  void filesKeepAtMostTheirSourceModeAndSecretOnesAreRemovedWhenTheActionEnds() throws Exception {
    Path pw = root.resolve("db.pw");
    Files.writeString(pw, "Pw-file-S3cret\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("r--------"));
    Path appDir = app(root, "app", "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"files\">\n"
        + "  <start to=\"use\"/>\n"
        + "  <action name=\"use\">\n    <shell xmlns=\"uri:oozie:shell-action:0.3\">\n"
        + "      <exec>bash</exec><argument>-c</argument>"
        + "<argument>echo modes=$(stat -c %a pw)/$(stat -c %a secret.key)/$(stat -c %a data.txt);"
        + " echo length=$(wc -c &lt; pw)</argument>\n"
        + "      <file>${dbPasswordFile}#pw</file><file>secret.key</file><file>data.txt</file>\n"
        + "      <capture-output/>\n    </shell>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n"
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Files.writeString(appDir.resolve("secret.key"), "k3y-material\n");
    Files.setPosixFilePermissions(appDir.resolve("secret.key"), PosixFilePermissions.fromString("rw-------"));
    Files.writeString(appDir.resolve("data.txt"), "rows\n");
    Files.setPosixFilePermissions(appDir.resolve("data.txt"), PosixFilePermissions.fromString("rw-r-----"));

    WorkflowEngine engine = engine(root, 2);
    RunState state = run(engine, appDir, Map.of("dbPasswordFile", pw.toString()));
    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertEquals("400/600/640", state.nodeRun("use").data().get("modes"), "at most the source's mode");
    assertEquals("15", state.nodeRun("use").data().get("length"), "the action read the password file");

    Path workDir = engine.store().runDir(state.info().id()).resolve("actions/use/r0-a1");
    assertFalse(Files.exists(workDir.resolve("pw")), "the password file must not stay in the state dir");
    assertFalse(Files.exists(workDir.resolve("secret.key")), "a file with a secret name must not stay");
    assertTrue(Files.exists(workDir.resolve("data.txt")), "ordinary files stay for debugging");
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(workDir.resolve(
        "data.txt"))));
    String log = Files.readString(engine.store().runDir(state.info().id()).resolve("run.log"));
    assertTrue(log.contains("use: removed the secret files [pw, secret.key] from its work dir"), log);
    try (var files = Files.walk(engine.store().root())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          assertFalse(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Pw-file-S3cret"),
              "the password is in " + file);
        }
      }
    }
  }
}
