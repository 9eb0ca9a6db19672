package dev.hadoopkit.workflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher script's inputs: what it quotes as is, and which archive directories it takes. */
class LauncherScriptTest {
  @Test
  void archiveDirectoryIsTheDefaultOrAnAbsolutePlainPath() {
    assertEquals("", LauncherScript.archiveDirectory(null));
    assertEquals("", LauncherScript.archiveDirectory("  "));
    assertEquals("/var/cache/hk cds", LauncherScript.archiveDirectory(" /var/cache/hk cds "));
    IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
        () -> LauncherScript.archiveDirectory("cds"));
    assertTrue(relative.getMessage().contains("absolute"), relative.getMessage());
    for (String bad : List.of("/tmp/$USER", "/tmp/it's", "/tmp/`id`", "/tmp/a\\b", "/tmp/\"q\"")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LauncherScript.archiveDirectory(bad), bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void optionsTheScriptWouldHaveToEscapeAreRefused() {
    assertTrue(LauncherScript.plain("-Dname=a value"));
    assertFalse(LauncherScript.plain("-Dx=$HOME"));
    assertFalse(LauncherScript.plain("-Dx=\n"));
    assertThrows(IllegalArgumentException.class,
        () -> LauncherScript.of(List.of("-Dx='y'"), "dev.hadoopkit.workflow.launcher.LauncherAM", null));
    String script = LauncherScript.of(List.of("-Xmx64m", "-Dname=a value"), "x.Main", null);
    assertTrue(script.contains("java=(\"$JAVA_HOME/bin/java\" '-Xmx64m' '-Dname=a value')"), script);
    assertTrue(script.contains("exec \"${java[@]}\" \"$main\""), script);
    assertFalse(script.contains("ArchiveClassesAtExit"), "no archive directory, no class sharing:\n" + script);
  }
}
