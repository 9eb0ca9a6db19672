package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * The build's training run for bin/formats' class-sharing archive (docs/launchers.md): {@code mvn package} runs
 * {@code HK_CDS=record bin/formats WORK_DIR}, which runs this class instead of {@link Main} in the same JVM setup,
 * and the JVM writes the classes it loaded into {@code target/cds/formats.jsa} at exit. It runs what users run: a
 * conversion of generated MovieLens ratings into each binary format and every inspecting command on each file. Never
 * part of a user's command.
 */
public final class ClassArchiveTraining {
  private static final long RATINGS = 2_000;
  private static final List<String> BINARY = List.of("parquet", "orc", "avro");
  private static final List<String> INSPECT = List.of("schema", "meta", "head", "cat", "count", "stats");

  private ClassArchiveTraining() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("Usage: HK_CDS=record bin/formats WORK_DIR (run by mvn package, see docs/launchers.md)");
      System.exit(2);
    }
    Path work = Path.of(args[0]).toAbsolutePath();
    FileUtils.deleteDirectory(work.toFile());
    Files.createDirectories(work);
    Path ratings = work.resolve("u.data");
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(RATINGS).seed(7).build();
    try (OutputStream out = Files.newOutputStream(ratings)) {
      generator.writeRatings(out);
    }
    // The commands print records and tables; the build log needs one line, or the whole output when a step failed.
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(log, true, StandardCharsets.UTF_8);
    for (String[] step : steps(work, ratings)) {
      int code = ToolRunner.run(new Configuration(), new Main(new PrintStream(OutputStream.nullOutputStream()), quiet),
          step);
      if (code != 0) {
        System.err.print(log.toString(StandardCharsets.UTF_8));
        throw new IllegalStateException("class-sharing training step failed (exit " + code + "): formats "
            + String.join(" ", step));
      }
    }
    System.out.println("class-sharing training: formats convert to " + String.join(", ", BINARY) + " and "
        + String.join(", ", INSPECT) + " on each, in " + work);
    FileUtils.deleteDirectory(work.toFile());
  }

  static List<String[]> steps(Path work, Path ratings) {
    List<String[]> steps = new ArrayList<>();
    for (String format : BINARY) {
      String file = work.resolve("ratings." + format).toString();
      steps.add(new String[] {"convert", ratings.toString(), file, "--to", format, "--preset", "movielens-ratings"});
      for (String command : INSPECT) {
        steps.add(new String[] {command, file});
      }
    }
    steps.add(new String[] {"convert", work.resolve("ratings.parquet").toString(),
        work.resolve("ratings.json").toString(), "--to", "json"});
    return steps;
  }
}
