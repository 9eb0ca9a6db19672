package dev.hadoopkit.jobs.launcher;

import dev.hadoopkit.jobs.MovieLensDriver;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * The build's training run for bin/hadoop's class-sharing archive (docs/launchers.md): {@code mvn package} runs
 * {@code HK_CDS=record bin/hadoop jar movielens-jobs.jar WORK_DIR}, which runs this class instead of
 * {@link FlatJarRunner} in the same JVM setup, and the JVM writes the classes it loaded into
 * {@code target/cds/movielens-jobs.jsa} at exit. It runs what users run: every job of the jar on generated text, and
 * {@code lowest-rated} on the same ratings as Parquet, ORC and Avro (converted with storage-formats' own command), so
 * the archive holds the readers of every input format. Never part of a user's command.
 */
public final class ClassArchiveTraining {
  private static final String RATINGS = "2000";

  private ClassArchiveTraining() {
  }

  /** {@code args}: the job jar (as bin/hadoop passes it, unused: it is on the classpath) and a work directory. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("Usage: HK_CDS=record bin/hadoop jar mapreduce-jobs/target/movielens-jobs.jar WORK_DIR"
          + " (run by mvn package, see docs/launchers.md)");
      System.exit(2);
    }
    Path work = Path.of(args[1]).toAbsolutePath();
    FileUtils.deleteDirectory(work.toFile());
    Files.createDirectories(work);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // the jobs print tables and summaries; the build log needs one line, or the whole log when a step failed
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      run(new Steps(work).all());
    } catch (Exception | LinkageError e) {
      err.print(log.toString(StandardCharsets.UTF_8));
      throw e;
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    out.println("class-sharing training: every job on text, lowest-rated on Parquet, ORC and Avro, in " + work);
    FileUtils.deleteDirectory(work.toFile());
    System.exit(0); // as every job's main does: LocalJobRunner may leave threads behind
  }

  private static void run(List<String[]> steps) throws Exception {
    for (String[] step : steps) {
      Tool tool = step[0].equals("formats") ? new dev.hadoopkit.formats.cli.Main(System.out, System.err)
          : job(step[0]);
      String[] rest = java.util.Arrays.copyOfRange(step, 1, step.length);
      int code = ToolRunner.run(new Configuration(), tool, rest);
      if (code != 0) {
        throw new IllegalStateException("class-sharing training step failed (exit " + code + "): "
            + String.join(" ", step));
      }
    }
  }

  private static Tool job(String name) throws ReflectiveOperationException {
    for (MovieLensDriver.Program program : MovieLensDriver.programs()) {
      if (program.name().equals(name)) {
        return (Tool) program.mainClass().getDeclaredConstructor().newInstance();
      }
    }
    throw new IllegalArgumentException("no job " + name);
  }

  /** The commands, in order: generate, every job on text, three conversions, lowest-rated on each binary format. */
  record Steps(Path work) {
    List<String[]> all() {
      String gen = work.resolve("gen").toString();
      String ratings = gen + File.separator + "u.data";
      String movies = gen + File.separator + "u.item";
      List<String[]> steps = new ArrayList<>();
      steps.add(new String[] {"generate", "--ratings", RATINGS, gen});
      for (String job : List.of("ratings-breakdown", "ratings-per-user")) {
        steps.add(new String[] {job, ratings, out(job + "-text")});
      }
      for (String job : List.of("movie-stats", "lowest-rated", "bad-movies", "most-popular", "oldest-five-star")) {
        steps.add(new String[] {job, "--movies", movies, ratings, out(job + "-text")});
      }
      for (String format : List.of("parquet", "orc", "avro")) {
        String file = work.resolve("ratings." + format).toString();
        steps.add(new String[] {"formats", "convert", ratings, file, "--to", format, "--preset", "movielens-ratings"});
        steps.add(new String[] {"lowest-rated", "--movies", movies, file, out("lowest-rated-" + format)});
      }
      return steps;
    }

    private String out(String name) {
      return work.resolve("out").resolve(name).toString();
    }
  }
}
