package dev.hadoopkit.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.jobs.pipeline.PipelineJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A number option given something else is a usage error (exit 2) naming the option, before anything is written. */
@Timeout(60)
class NumberOptionsUsageTest {

  @TempDir
  Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void generateNamesABadSeed() throws Exception {
    int code = run(new GenerateJob(print(out), print(err)), "--seed", "x", directory.resolve("out").toString());
    assertEquals(2, code);
    assertEquals("generate: Invalid --seed 'x': not a whole number\n"
        + "Usage: hadoop jar movielens-jobs.jar generate [options] <output-dir>   (--help for details)\n", text(err));
    assertEquals(false, directory.resolve("out").toFile().exists());
  }

  @Test
  void generateNamesATooSmallPartCount() throws Exception {
    int code = run(new GenerateJob(print(out), print(err)), "--parts", "0", directory.resolve("out").toString());
    assertEquals(2, code);
    assertEquals("generate: Invalid --parts 0: must be at least 1", text(err).lines().findFirst().orElseThrow());
  }

  @Test
  void generateNamesABadUserCount() throws Exception {
    int code = run(new GenerateJob(print(out), print(err)), "--users", "1.5", directory.resolve("out").toString());
    assertEquals(2, code);
    assertEquals("generate: Invalid --users '1.5': not a whole number", text(err).lines().findFirst().orElseThrow());
  }

  @Test
  void pipelineNamesABadRatingCount() throws Exception {
    int code = run(new PipelineJob(print(out), print(err)), "--generate", "lots", directory.resolve("work").toString());
    assertEquals(2, code);
    assertEquals("pipeline: Invalid --generate 'lots': not a whole number", text(err).lines().findFirst().orElseThrow());
  }

  private static int run(Tool tool, String... args) throws Exception {
    return ToolRunner.run(new Configuration(), tool, args);
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream buffer) {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
