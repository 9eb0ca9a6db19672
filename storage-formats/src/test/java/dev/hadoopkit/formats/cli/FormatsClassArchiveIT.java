package dev.hadoopkit.formats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/formats' class-sharing archive is made by {@code mvn package} (ClassArchiveTraining, docs/launchers.md) and
 * serves a user's command: the classes of the command and of the format it reads come from the archive; with
 * {@code HK_CDS=off} none do.
 */
class FormatsClassArchiveIT {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void theBuildsArchiveServesBinFormats(@TempDir Path work) throws Exception {
    Path built = ROOT.resolve("storage-formats/target/cds/formats.jsa");
    assertTrue(Files.isRegularFile(built), built + " is made by mvn package (unless -Dhk.cds.skip=true)");
    Path ratings = Files.writeString(work.resolve("u.data"), "1\t1\t5\t881250949\n2\t3\t4\t881250950\n");
    Path parquet = work.resolve("r.parquet");
    assertEquals(0, formats(work, "on", "convert", ratings.toString(), parquet.toString(), "--to", "parquet",
        "--preset", "movielens-ratings").exit);

    Run on = formats(work, "on", "count", parquet.toString());
    assertEquals(0, on.exit, on.stderr);
    assertEquals("2", on.stdout.strip());
    assertTrue(on.classLoad.contains("dev.hadoopkit.formats.cli.Main source: shared objects file (top)"), on.classLoad);
    assertTrue(on.classLoad.contains("org.apache.parquet.hadoop.ParquetFileReader source: shared objects file (top)"),
        on.classLoad);

    Run off = formats(work, "off", "count", parquet.toString());
    assertEquals(0, off.exit, off.stderr);
    assertFalse(off.classLoad.contains("dev.hadoopkit.formats.cli.Main source: shared objects file"), off.classLoad);
  }

  private record Run(int exit, String stdout, String stderr, String classLoad) {
  }

  private static Run formats(Path work, String cds, String... args) throws Exception {
    Path log = Files.createTempFile(work, "class-load", ".txt");
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/formats").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("HADOOP_CONF_DIR");
    builder.environment().put("HK_CDS", cds);
    builder.environment().put("HADOOP_CLIENT_OPTS", "-Xlog:class+load:file=" + log);
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err), Files.readString(log));
  }
}
