package dev.hadoopkit.workflow.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A main for {@link LauncherScriptIT}, run from a jar by the launcher's script: prints its class path, the script's
 * environment and whether its archive is mapped (the same test as the launcher's), then exits with its argument.
 */
public final class CdsProbe {
  private CdsProbe() {
  }

  public static void main(String[] args) throws Exception {
    String archive = System.getenv(LauncherScript.ARCHIVE_ENV);
    boolean mapped = archive != null && Files.exists(Path.of(archive))
        && Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(l -> l.endsWith(" " + archive));
    System.out.println("classpath=" + System.getProperty("java.class.path"));
    System.out.println("dirs=" + System.getenv(LauncherScript.DIRECTORIES_ENV));
    System.out.println("full=" + System.getenv(LauncherScript.FULL_CLASSPATH_ENV));
    System.out.println("mode=" + System.getenv(LauncherScript.ARCHIVE_MODE_ENV));
    System.out.println("mapped=" + mapped);
    System.exit(Integer.parseInt(System.getProperty("probe.exit", "0")));
  }
}
