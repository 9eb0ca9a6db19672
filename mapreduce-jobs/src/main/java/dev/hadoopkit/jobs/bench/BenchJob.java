package dev.hadoopkit.jobs.bench;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.movielens.MalformedRecordException;
import dev.hadoopkit.formats.movielens.RatingParser;
import dev.hadoopkit.jobs.cli.JobCommand;
import dev.hadoopkit.jobs.generate.GenerateJob;
import dev.hadoopkit.jobs.movies.BadMoviesJob;
import dev.hadoopkit.jobs.movies.LowestRatedJob;
import dev.hadoopkit.jobs.movies.MostPopularJob;
import dev.hadoopkit.jobs.movies.MovieStatsJob;
import dev.hadoopkit.jobs.movies.OldestFiveStarJob;
import dev.hadoopkit.jobs.ratings.RatingsBreakdownJob;
import dev.hadoopkit.jobs.ratings.RatingsPerUserJob;
import dev.hadoopkit.jobs.runtime.IntAggregates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * Times every job in local mode on generated data of several sizes, next to the floor: the same
 * lowest-rated answer computed by a plain single-threaded Java loop over the same file, in the same run.
 * Prints a Markdown table for docs/benchmarks.md.
 *
 * <pre>hadoop jar movielens-jobs.jar bench [--sizes 1000000,10000000] [--runs 1] &lt;work-dir&gt;</pre>
 */
public class BenchJob extends Configured implements Tool {

  public static final String DESCRIPTION = "Benchmark every job in local mode against a plain Java loop (Markdown table).";

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new BenchJob(), args));
  }

  @Override
  public int run(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    long[] sizes = {1_000_000, 10_000_000};
    int runs = 1;
    for (int i = 0; i < rest.size() - 1; i++) {
      if (rest.get(i).equals("--sizes")) {
        sizes = Arrays.stream(rest.remove(i + 1).split(",")).mapToLong(Long::parseLong).toArray();
        rest.remove(i--);
      } else if (rest.get(i).equals("--runs")) {
        runs = Integer.parseInt(rest.remove(i + 1));
        rest.remove(i--);
      }
    }
    if (rest.size() != 1 || rest.get(0).startsWith("-")) {
      System.err.println("Usage: hadoop jar movielens-jobs.jar bench [--sizes 1000000,10000000] [--runs 1] <work-dir>");
      return rest.contains("--help") || rest.contains("-h") ? 0 : 2;
    }
    Configuration conf = getConf();
    Path work = new Path(rest.get(0));
    FileSystem fs = work.getFileSystem(conf);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MB%n%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("Tiny job (1 rating), in-process, fixed overhead of a local job:");
    Path tiny = new Path(work, "tiny/u.data");
    try (OutputStream out = fs.create(tiny, true)) {
      out.write("1\t2\t3\t881250949\n".getBytes(StandardCharsets.US_ASCII));
    }
    double[] tinyTimes = new double[5];
    for (int i = 0; i < tinyTimes.length; i++) {
      tinyTimes[i] = time(conf, new RatingsBreakdownJob(), quiet, "--overwrite", tiny.toString(), new Path(work, "tiny/out").toString());
    }
    Arrays.sort(tinyTimes);
    System.out.printf(Locale.ROOT, "  ratings-breakdown on 1 rating: median %.2f s, best %.2f s (5 runs)%n%n", tinyTimes[2], tinyTimes[0]);

    System.out.println("| ratings | job | time (s) | M ratings/s | × floor |");
    System.out.println("|---:|---|---:|---:|---:|");
    for (long size : sizes) {
      Path data = new Path(work, "ratings-" + size);
      MovieLensGenerator generator = MovieLensGenerator.builder().ratings(size).users((int) Math.max(943, size / 150))
          .movies((int) Math.max(1682, Math.min(60_000, size / 1000))).seed(42).build();
      if (!fs.exists(new Path(data, "u.data"))) {
        fs.delete(data, true);
        GenerateJob.write(generator, 1, fs, data);
      }
      Path ratings = new Path(data, "u.data");
      Path movies = new Path(data, "u.item");
      double naive = best(runs, () -> naiveLoop(conf, ratings));
      double floor = best(runs, () -> floorLoop(conf, ratings));
      row(size, "floor: byte-level parse + primitive hash map, 1 thread (lowest-rated)", floor, floor);
      row(size, "naive loop: readLine + split + HashMap, 1 thread (lowest-rated)", naive, floor);
      List<JobCommand> jobs = List.of(new RatingsBreakdownJob(), new RatingsPerUserJob(), new MovieStatsJob(), new LowestRatedJob(),
          new BadMoviesJob(), new MostPopularJob(), new OldestFiveStarJob());
      for (JobCommand job : jobs) {
        List<String> jobArgs = new ArrayList<>(List.of("--overwrite"));
        if (!(job instanceof RatingsBreakdownJob) && !(job instanceof RatingsPerUserJob)) {
          jobArgs.addAll(List.of("--movies", movies.toString()));
        }
        jobArgs.add(ratings.toString());
        jobArgs.add(new Path(work, "out-" + job.name()).toString());
        double seconds = best(runs, () -> time(conf, job, quiet, jobArgs.toArray(String[]::new)));
        row(size, job.name(), seconds, floor);
      }
    }
    return 0;
  }

  private static void row(long size, String what, double seconds, double floor) {
    System.out.printf(Locale.ROOT, "| %,d | %s | %.2f | %.2f | %.1f |%n", size, what, seconds, size / seconds / 1e6, seconds / floor);
  }

  private interface Timed {
    double run() throws Exception;
  }

  private static double best(int runs, Timed timed) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      best = Math.min(best, timed.run());
    }
    return best;
  }

  private static double time(Configuration conf, JobCommand job, PrintStream quiet, String... args) throws Exception {
    job.printingTo(quiet, quiet);
    long started = System.nanoTime();
    int exit = ToolRunner.run(new Configuration(conf), job, args);
    if (exit != 0) {
      throw new IllegalStateException(job.name() + " failed with exit code " + exit);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** The fastest plain loop: bytes straight from the file, the project's byte parser, a primitive map. */
  static double floorLoop(Configuration conf, Path ratings) throws IOException, InterruptedException {
    long started = System.nanoTime();
    RatingParser parser = new RatingParser();
    IntAggregates perMovie = new IntAggregates();
    FileSystem raw = FileSystem.getLocal(conf).getRawFileSystem();
    try (InputStream in = (ratings.toUri().getScheme() == null || "file".equals(ratings.toUri().getScheme())
        ? raw : ratings.getFileSystem(conf)).open(ratings)) {
      byte[] buffer = new byte[1 << 20];
      int filled = 0;
      int read;
      while ((read = in.read(buffer, filled, buffer.length - filled)) > 0) {
        filled += read;
        int start = 0;
        for (int i = 0; i < filled; i++) {
          if (buffer[i] == '\n') {
            add(parser, perMovie, buffer, start, i - start);
            start = i + 1;
          }
        }
        System.arraycopy(buffer, start, buffer, 0, filled - start);
        filled -= start;
      }
      if (filled > 0) {
        add(parser, perMovie, buffer, 0, filled);
      }
    }
    lowest(perMovie);
    return (System.nanoTime() - started) / 1e9;
  }

  private static void add(RatingParser parser, IntAggregates perMovie, byte[] line, int offset, int length) {
    try {
      var rating = parser.parse(line, offset, length);
      perMovie.add(rating.movieId(), rating.rating());
    } catch (MalformedRecordException e) {
      // skipped, as the jobs do
    }
  }

  private static List<double[]> lowest(IntAggregates perMovie) throws IOException, InterruptedException {
    PriorityQueue<double[]> top = new PriorityQueue<>((a, b) -> Double.compare(b[1], a[1]));
    perMovie.forEach((movie, sum, count) -> {
      if (count > 10) {
        top.add(new double[] {movie, sum / count, count});
        if (top.size() > 10) {
          top.poll();
        }
      }
    });
    return new ArrayList<>(top);
  }

  /** What most people would write first: readLine, split on tab, boxed HashMap. */
  static double naiveLoop(Configuration conf, Path ratings) throws IOException {
    long started = System.nanoTime();
    Map<Integer, double[]> perMovie = new HashMap<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(ratings.getFileSystem(conf).open(ratings), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String[] fields = line.split("\t");
        double[] sumCount = perMovie.computeIfAbsent(Integer.parseInt(fields[1]), id -> new double[2]);
        sumCount[0] += Double.parseDouble(fields[2]);
        sumCount[1]++;
      }
    }
    perMovie.entrySet().stream().filter(e -> e.getValue()[1] > 10)
        .sorted((a, b) -> Double.compare(a.getValue()[0] / a.getValue()[1], b.getValue()[0] / b.getValue()[1])).limit(10).toList();
    return (System.nanoTime() - started) / 1e9;
  }
}
