package dev.hadoopkit.jobs;

import dev.hadoopkit.jobs.bench.BenchJob;
import dev.hadoopkit.jobs.bench.FormatsJobsBench;
import dev.hadoopkit.jobs.cli.JobCommand;
import dev.hadoopkit.jobs.generate.GenerateJob;
import dev.hadoopkit.jobs.movies.BadMoviesJob;
import dev.hadoopkit.jobs.movies.LowestRatedJob;
import dev.hadoopkit.jobs.movies.MostPopularJob;
import dev.hadoopkit.jobs.movies.MovieStatsJob;
import dev.hadoopkit.jobs.movies.OldestFiveStarJob;
import dev.hadoopkit.jobs.pipeline.PipelineJob;
import dev.hadoopkit.jobs.ratings.RatingsBreakdownJob;
import dev.hadoopkit.jobs.ratings.RatingsPerUserJob;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.util.ProgramDriver;

/**
 * The one entry point of movielens-jobs.jar: {@code hadoop jar movielens-jobs.jar <job> ...}.
 * Every job is registered here, once.
 */
public final class MovieLensDriver {

  /** A registered program: what {@code hadoop jar movielens-jobs.jar} lists. */
  public record Program(String name, Class<?> mainClass, String description) {
  }

  private MovieLensDriver() {
  }

  public static List<Program> programs() {
    List<Program> programs = new ArrayList<>();
    for (JobCommand job : List.of(new RatingsBreakdownJob(), new RatingsPerUserJob(), new MovieStatsJob(),
        new LowestRatedJob(), new BadMoviesJob(), new MostPopularJob(), new OldestFiveStarJob())) {
      programs.add(new Program(job.name(), job.getClass(), job.description()));
    }
    programs.add(new Program("generate", GenerateJob.class, GenerateJob.DESCRIPTION));
    programs.add(new Program("pipeline", PipelineJob.class, PipelineJob.DESCRIPTION));
    programs.add(new Program("bench", BenchJob.class, BenchJob.DESCRIPTION));
    programs.add(new Program("bench-formats", FormatsJobsBench.class, FormatsJobsBench.DESCRIPTION));
    Set<String> names = new HashSet<>();
    for (Program program : programs) {
      if (!names.add(program.name())) {
        throw new IllegalStateException("Cannot register two jobs named " + program.name());
      }
    }
    return List.copyOf(programs);
  }

  public static void main(String[] args) throws Throwable {
    List<Program> programs = programs();
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      printJobs(args.length == 0 ? System.err : System.out, programs);
      System.exit(args.length == 0 ? 2 : 0);
    }
    if (programs.stream().noneMatch(program -> program.name().equals(args[0]))) {
      System.err.println("movielens-jobs: unknown job '" + args[0] + "'.");
      printJobs(System.err, programs);
      System.exit(2);
    }
    ProgramDriver driver = new ProgramDriver();
    for (Program program : programs) {
      driver.addClass(program.name(), program.mainClass(), program.description());
    }
    // The job's main exits with the job's own code; this line is reached only if it returns.
    System.exit(driver.run(args));
  }

  static void printJobs(PrintStream out, List<Program> programs) {
    out.println("Usage: hadoop jar movielens-jobs.jar <job> [generic options] [job options] <inputs...> <output>");
    out.println();
    out.println("Jobs:");
    int width = programs.stream().mapToInt(program -> program.name().length()).max().orElse(0);
    for (Program program : programs) {
      out.printf("  %-" + width + "s  %s%n", program.name(), program.description());
    }
    out.println();
    out.println("Run 'hadoop jar movielens-jobs.jar <job> --help' for a job's options.");
  }
}
