package dev.hadoopkit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Preset;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.source.TextSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 10: a job over a damaged or truncated input, or a malformed line under --strict, fails with one
 * line on stderr naming the file, where in it, and the fix; the stack trace only with --verbose. Real
 * {@code bin/hadoop jar} processes in local mode; the damaged files are the project's own output with bytes edited.
 */
class DamagedInputIT {

  @TempDir
  static Path data;
  static Path text;

  @BeforeAll
  static void generate() throws IOException {
    text = data.resolve("u.data");
    try (OutputStream out = Files.newOutputStream(text)) {
      MovieLensGenerator.builder().ratings(20_000).users(300).movies(400).seed(3).build().writeRatings(out);
    }
  }

  /**
   * The ratings in {@code format} (zstd, the default codec), with 400 bytes set to 0xFF: a third of the way in, or
   * for ORC at byte 5,000, in the userId stream. ORC keeps no checksums: damage in a stream the jobs do not read, or
   * in a chunk stored uncompressed, decodes silently (bytes 1,000, 20,000 and 40,000 of this file do), so the test
   * damages a place where the reader does notice.
   */
  private static Path damaged(FileFormat format) throws IOException {
    Path file = converted(format, "damaged");
    byte[] bytes = Files.readAllBytes(file);
    int from = format == FileFormat.ORC ? 5_000 : bytes.length / 3;
    Arrays.fill(bytes, from, from + 400, (byte) 0xff);
    Files.write(file, bytes);
    return file;
  }

  private static Path converted(FileFormat format, String name) throws IOException {
    Path file = data.resolve(name + "-" + System.nanoTime() + "." + format.extension());
    Configuration conf = new Configuration();
    try (RecordReader reader = Inputs.open(conf, new org.apache.hadoop.fs.Path(text.toUri()), new TextSchema(Preset.MOVIELENS_RATINGS, null, false), null);
        FileAppender appender = Formats.write(new org.apache.hadoop.fs.Path(file.toUri())).format(format).conf(conf)
            .schema(reader.schema()).build()) {
      GenericRecord record;
      while ((record = reader.next()) != null) {
        appender.add(record);
      }
    }
    // Without the checksum file: a damaged file in the wild has none, and the job must find the damage itself.
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    return file;
  }

  @Test
  void aDamagedParquetPageIsOneLineNamingFileRowGroupAndFix(@TempDir Path work) throws Exception {
    Path file = damaged(FileFormat.PARQUET);
    String error = failsWithOneLine(work, file);
    assertTrue(error.startsWith("most-popular: error: Cannot read Parquet file file:" + file + ": damaged data in the row group at byte "), error);
    assertTrue(error.endsWith("Restore the file from a good copy, or leave it out of the job's input."), error);
  }

  @Test
  void aDamagedOrcStripeIsOneLineNamingFileStripeAndFix(@TempDir Path work) throws Exception {
    Path file = damaged(FileFormat.ORC);
    String error = failsWithOneLine(work, file);
    assertTrue(error.startsWith("most-popular: error: Cannot read ORC file file:" + file + ": "), error);
    assertTrue(error.contains("stripe 0 at byte 3, near row "), error);
    assertTrue(error.endsWith("Restore the file from a good copy, or leave it out of the job's input."), error);
  }

  @Test
  void aDamagedAvroBlockIsOneLineNamingFileAndOffset(@TempDir Path work) throws Exception {
    Path file = damaged(FileFormat.AVRO);
    String error = failsWithOneLine(work, file);
    assertTrue(error.startsWith("most-popular: error: Cannot read Avro file file:" + file + ": damaged data block at byte "), error);
    assertTrue(error.contains("restore the file from a good copy"), error);
  }

  @Test
  void aTruncatedInputIsOneLineWithoutTheJobState(@TempDir Path work) throws Exception {
    Path file = converted(FileFormat.PARQUET, "truncated");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    String error = failsWithOneLine(work, file);
    assertTrue(error.startsWith("most-popular: error: Cannot read Parquet file file:" + file + ": "), error);
    assertFalse(error.contains("DEFINE"), error);
    assertTrue(error.endsWith("Restore the file from a good copy, or leave it out of the job's input."), error);
  }

  @Test
  void strictStopsAtTheFirstMalformedLineInOneLine(@TempDir Path work) throws Exception {
    Path file = work.resolve("u.data");
    Files.writeString(file, "1\t2\t3\t881250949\nnot a rating\n");
    String error = failsWithOneLine(work, file, "--strict");
    assertEquals("most-popular: error: malformed rating at file:" + file + " line 2: field 1 (userId) is not a number:"
        + " unexpected 'n' at column 1. Fix or remove the line, or run without --strict to skip malformed lines.", error);
  }

  @Test
  void verboseShowsTheStackTrace(@TempDir Path work) throws Exception {
    Path file = damaged(FileFormat.PARQUET);
    Result result = run(work, "most-popular", "--verbose", file.toString(), work.resolve("out").toString());
    assertEquals(1, result.exit, result.err);
    assertTrue(result.err.contains("\tat dev.hadoopkit.jobs.input."), result.err);
  }

  private static String failsWithOneLine(Path work, Path input, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("most-popular"));
    args.addAll(List.of(options));
    args.add(input.toString());
    args.add(work.resolve("out").toString());
    Result result = run(work, args.toArray(String[]::new));
    assertEquals(1, result.exit, result.err);
    List<String> lines = result.err.strip().lines().toList();
    assertEquals(1, lines.size(), "one line on stderr:\n" + result.err);
    assertFalse(Files.exists(work.resolve("out")), "no output of a failed job");
    return lines.get(0);
  }

  private record Result(int exit, String err) {
  }

  private static Result run(Path work, String... jobArgs) throws Exception {
    List<String> command = new ArrayList<>(List.of(HadoopLauncherIT.ROOT.resolve("bin/hadoop").toString(), "jar",
        HadoopLauncherIT.ROOT.resolve(HadoopLauncherIT.JAR).toString()));
    command.addAll(List.of(jobArgs));
    Path err = work.resolve("job.err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(work.resolve("job.out").toFile()).redirectError(err.toFile());
    builder.environment().remove("HADOOP_CONF_DIR");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }
}
