package dev.hadoopkit.workflow.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start script under bash with a real JVM, laid out as a NodeManager lays out a container: the jar a
 * link in the container's directory to the node's cache, that directory and a non-empty configuration directory on
 * the class path before the jar. The first container records the node's archive, a second one (another directory,
 * the same cached jar) maps it, and a changed jar or an unsafe directory never gets a wrong archive.
 */
class LauncherScriptIT {
  @TempDir
  Path tmp;
  private Path cache;
  private Path conf;
  private Path archives;

  @BeforeEach
  void layOut() throws IOException {
    cache = Files.createDirectories(tmp.resolve("filecache/10"));
    conf = Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(conf.resolve("core-site.xml"), "<configuration/>\n");
    archives = tmp.resolve("cds");
    writeProbeJar(cache.resolve("probe.jar"));
  }

  @Test
  void firstContainerRecordsTheArchiveAndTheNextMapsIt() throws Exception {
    Run first = run("container_1", 0);
    assertEquals(0, first.exit(), first.output());
    assertTrue(first.output().contains("mode=record"), first.output());
    List<Path> recorded = archives();
    assertEquals(1, recorded.size(), "one archive after the first launcher: " + recorded + "\n" + first.output());
    assertTrue(recorded.get(0).getFileName().toString().matches("launcher-[0-9]+-[0-9]+\\.jsa"), recorded.toString());
    // only jars on the JVM's class path, by their real paths (the container's links go with it), the directories for
    // the launcher's own loader, the original for children
    String container = tmp.resolve("container_1").toString();
    assertTrue(first.output().contains("classpath=" + cache.toRealPath() + "/probe.jar\n"), first.output());
    assertTrue(first.output().contains("dirs=" + container + ":" + conf + "\n"), first.output());
    assertTrue(first.output().contains("full=" + container + ":" + conf + ":" + container + "/*\n"),
        first.output());

    Run second = run("container_2", 0);
    assertEquals(0, second.exit(), second.output());
    assertTrue(second.output().contains("mode=use"), second.output());
    assertTrue(second.output().contains("mapped=true"), "the second container maps the first one's archive:\n"
        + second.output());
    assertEquals(recorded, archives());
  }

  @Test
  void theMainsExitCodeIsTheScriptsAndAFailedRecordLeavesNoArchive() throws Exception {
    Run failed = run("container_1", 3);
    assertEquals(3, failed.exit(), failed.output());
    assertEquals(List.of(), archives(), "no archive from a launcher that did not end cleanly");
    try (Stream<Path> left = Files.list(archives)) {
      assertEquals(List.of(), left.toList(), "no half-written record is left");
    }
    Run next = run("container_2", 0);
    assertTrue(next.output().contains("mode=record"), next.output());
    assertEquals(1, archives().size());
  }

  @Test
  void aReLocalizedJarGetsItsOwnArchive() throws Exception {
    run("container_1", 0);
    List<Path> before = archives();
    Path jar = cache.resolve("probe.jar");
    Files.delete(jar); // the NodeManager evicted and localized it again: another file with the same name
    writeProbeJar(jar);
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    Run after = run("container_2", 0);
    assertTrue(after.output().contains("mode=record"), "a changed jar must not map the old archive:\n"
        + after.output());
    assertEquals(2, archives().size(), archives().toString());
    assertTrue(archives().containsAll(before));
  }

  @Test
  void aDirectoryOthersCanWriteIsNotUsed() throws Exception {
    Files.createDirectories(archives);
    Files.setPosixFilePermissions(archives, PosixFilePermissions.fromString("rwxrwxrwx"));
    Run run = run("container_1", 0);
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("no class sharing"), run.output());
    assertTrue(run.output().contains("mode=null"), run.output());
    assertEquals(List.of(), archives());
  }

  @Test
  void withoutAnArchiveDirectoryTheJvmStartsOnTheClassPathAsItIs() throws Exception {
    Run run = run("container_1", 4, null);
    assertEquals(4, run.exit(), run.output());
    String container = tmp.resolve("container_1").toString();
    assertTrue(run.output().contains("mode=null"), run.output());
    assertTrue(run.output().contains("classpath=" + container + ":" + conf + ":" + container + "/probe.jar"),
        run.output());
  }

  @Test
  void embeddedFilesAreWrittenByteForByteBeforeTheJvmStarts() throws Exception {
    byte[] binary = new byte[70_000];
    new java.util.Random(7).nextBytes(binary);
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("launcher.properties", "arg.count=1\narg.0=$HOME `id` 'q' \\ \"d\"\n".getBytes(StandardCharsets.UTF_8));
    files.put("action.xml", ("<configuration>\nHK_LAUNCHER_FILE\n</configuration>\n").getBytes(StandardCharsets.UTF_8));
    files.put("empty", new byte[0]);
    files.put("binary.bin", binary);
    Run run = run("container_1", 0, null, files);
    assertEquals(0, run.exit(), run.output());
    Path container = tmp.resolve("container_1");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      assertArrayEquals(file.getValue(), Files.readAllBytes(container.resolve(file.getKey())), file.getKey());
    }
    assertThrows(IllegalArgumentException.class,
        () -> LauncherScript.of(List.of(), "x.Main", null, Map.of("../escape", new byte[1])));
    assertThrows(IllegalArgumentException.class,
        () -> LauncherScript.of(List.of(), "x.Main", null, Map.of("it's", new byte[1])));
  }

  private Run run(String containerId, int exit) throws Exception {
    return run(containerId, exit, archives.toString());
  }

  private Run run(String containerId, int exit, String archiveDir) throws Exception {
    return run(containerId, exit, archiveDir, Map.of());
  }

  private Run run(String containerId, int exit, String archiveDir, Map<String, byte[]> files) throws Exception {
    Path container = Files.createDirectories(tmp.resolve(containerId));
    Files.createSymbolicLink(container.resolve("probe.jar"), cache.resolve("probe.jar"));
    Path script = container.resolve("launcher.sh");
    Files.writeString(script, LauncherScript.of(List.of("-Xmx64m", "-Dprobe.exit=" + exit),
        CdsProbe.class.getName(), archiveDir, files));
    ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString()).directory(container.toFile())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PWD", container.toString());
    env.put("CONTAINER_ID", containerId);
    env.put("CLASSPATH", container + ":" + conf + ":" + container + "/*");
    env.remove(LauncherScript.ARCHIVE_ENV);
    env.remove(LauncherScript.ARCHIVE_MODE_ENV);
    Process process = builder.start();
    byte[] out;
    try (InputStream in = process.getInputStream()) {
      out = in.readAllBytes();
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher script did not end within 60 s");
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private List<Path> archives() throws IOException {
    if (!Files.isDirectory(archives)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(archives)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  /** The probe alone: LauncherScript's names it reads are constants, compiled into its class. */
  private static void writeProbeJar(Path jar) throws IOException {
    String entry = CdsProbe.class.getName().replace('.', '/') + ".class";
    try (InputStream in = CdsProbe.class.getClassLoader().getResourceAsStream(entry);
        OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
  }

  private record Run(int exit, String output) {
  }
}
