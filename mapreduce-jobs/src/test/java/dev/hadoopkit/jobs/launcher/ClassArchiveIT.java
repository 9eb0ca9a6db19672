package dev.hadoopkit.jobs.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' class-sharing step (bin/hk-lib.sh {@code hk_class_archive_opts}, docs/launchers.md) on a real JVM:
 * an archive recorded as the build records it is used when present, ignored silently when stale or made for another
 * classpath, and a missing one changes nothing on the command line. Then the archive {@code mvn package} made for
 * bin/hadoop serves a real {@code bin/hadoop jar movielens-jobs.jar} command.
 */
class ClassArchiveIT {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final String PROBE = ArchiveProbe.class.getName();

  @TempDir
  Path dir;
  Path jar;
  Path archive;

  @BeforeEach
  void probeJar() throws IOException {
    jar = dir.resolve("probe.jar");
    writeProbeJar(jar);
    archive = dir.resolve("cds/probe.jsa");
  }

  @Test
  void aRecordedArchiveIsUsedWhenPresent() throws Exception {
    assertEquals("", run("on").stdout.replace("probe ran\n", ""), "no archive yet: no options, the probe runs");
    Run record = run("record");
    assertEquals(0, record.exit, record.stderr);
    assertTrue(Files.size(archive) > 0, "the recording run wrote " + archive);

    Run used = run("on");
    assertEquals(0, used.exit, used.stderr);
    assertEquals("probe ran\n", used.stdout);
    assertEquals("", used.stderr);
    assertTrue(used.classLoad.contains(PROBE + " source: shared objects file (top)"), used.classLoad);

    Run off = run("off");
    assertTrue(off.classLoad.contains(PROBE + " source: file:"), "HK_CDS=off ignores the archive");
  }

  @Test
  void aStaleArchiveIsIgnoredSilently() throws Exception {
    assertEquals(0, run("record").exit);
    writeProbeJar(jar); // a rebuild: new size or date
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    Run stale = run("on");
    assertEquals(0, stale.exit, stale.stderr);
    assertEquals("probe ran\n", stale.stdout);
    assertEquals("", stale.stderr, "the JVM runs without the archive and says nothing");
    assertTrue(stale.classLoad.contains(PROBE + " source: file:"), stale.classLoad);
  }

  @Test
  void anArchiveOfAnotherClassPathIsIgnoredSilently() throws Exception {
    assertEquals(0, run("record").exit);
    Path moved = Files.copy(jar, dir.resolve("elsewhere.jar"));
    jar = moved;

    Run other = run("on");
    assertEquals(0, other.exit, other.stderr);
    assertEquals("", other.stderr);
    assertFalse(other.classLoad.contains("shared objects file (top)"), other.classLoad);
  }

  @Test
  void aMissingArchiveAddsNothingToTheCommand() throws Exception {
    assertEquals("", options("on"));
    assertEquals("", options("off"));
    assertTrue(options("record").startsWith("-XX:ArchiveClassesAtExit=" + archive), options("record"));
    Files.createDirectories(archive.getParent());
    Files.writeString(archive, "x");
    assertTrue(options("on").startsWith("-XX:SharedArchiveFile=" + archive), options("on"));
    assertEquals("", options("off"));
  }

  @Test
  void theBuildsArchiveServesBinHadoopJar(@TempDir Path work) throws Exception {
    Path built = ROOT.resolve("mapreduce-jobs/target/cds/movielens-jobs.jsa");
    assertTrue(Files.isRegularFile(built), built + " is made by mvn package (unless -Dhk.cds.skip=true)");
    Path ratings = Files.writeString(work.resolve("one.data"), "1\t1\t5\t881250949\n");
    Path log = work.resolve("class-load.txt");
    ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin/hadoop").toString(), "jar",
        ROOT.resolve("mapreduce-jobs/target/movielens-jobs.jar").toString(), "ratings-breakdown", ratings.toString(),
        work.resolve("out").toString());
    builder.environment().remove("HADOOP_CONF_DIR");
    builder.environment().remove("HK_CDS");
    builder.environment().put("HADOOP_CLIENT_OPTS", "-Xlog:class+load:file=" + log);
    Run run = finish(builder, work);
    assertEquals(0, run.exit, run.stderr);
    String classes = Files.readString(log);
    assertTrue(classes.contains("dev.hadoopkit.jobs.MovieLensDriver source: shared objects file (top)"), classes);
    assertTrue(classes.contains("org.apache.hadoop.mapred.LocalJobRunner source: shared objects file (top)"),
        classes);
  }

  private String options(String mode) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c",
        "source \"$1/bin/hk-lib.sh\" && hk_class_archive_opts \"$2\"", "-", ROOT.toString(), archive.toString());
    builder.environment().put("HK_CDS", mode);
    Run run = finish(builder, dir);
    assertEquals(0, run.exit, run.stderr);
    return run.stdout.strip();
  }

  /** The probe through hk-lib.sh's functions, as a launcher runs its program. */
  private Run run(String mode) throws Exception {
    Path log = dir.resolve("class-load-" + mode + ".txt");
    Files.deleteIfExists(log);
    ProcessBuilder builder = new ProcessBuilder("bash", "-c",
        "source \"$1/bin/hk-lib.sh\" && hk_exec_java $(hk_class_archive_opts \"$2\") -Xlog:class+load:file=\"$3\""
            + " -Xshare:auto -cp \"$4\" " + PROBE,
        "-", ROOT.toString(), archive.toString(), log.toString(), jar.toString());
    builder.environment().put("HK_CDS", mode);
    Run run = finish(builder, dir);
    return new Run(run.exit, run.stdout, run.stderr, Files.exists(log) ? Files.readString(log) : "");
  }

  private static Run finish(ProcessBuilder builder, Path work) throws Exception {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + builder.command());
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err), "");
  }

  private static void writeProbeJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    String entry = PROBE.replace('.', '/') + ".class";
    List<byte[]> parts = new ArrayList<>();
    try (InputStream in = ArchiveProbe.class.getClassLoader().getResourceAsStream(entry)) {
      parts.add(in.readAllBytes());
    }
    Files.deleteIfExists(jar);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry(entry));
      out.write(parts.get(0));
      out.closeEntry();
      // a little padding that changes the size from one write to the next
      out.putNextEntry(new JarEntry("stamp-" + System.nanoTime()));
      out.write(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  private record Run(int exit, String stdout, String stderr, String classLoad) {
  }
}
