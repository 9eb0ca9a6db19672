package dev.hadoopkit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.jobs.movies.LowestRatedJob;
import dev.hadoopkit.jobs.runtime.JobReport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A job asked for a report ({@code -D hadoopkit.job.report=…}) writes what it measured, and nothing of it into its output. */
@Timeout(300)
class JobReportIT {

  @TempDir
  Path work;

  @Test
  void lowestRatedReportsItsTimesAndCounters() throws Exception {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(20_000).users(200).movies(300).seed(5).build();
    Path ratings = Files.createDirectories(work.resolve("ratings"));
    for (int part = 0; part < 2; part++) {
      try (OutputStream out = Files.newOutputStream(ratings.resolve("part-0000" + part))) {
        generator.writeRatings(out, part, 2);
      }
    }
    Path movies = work.resolve("u.item");
    try (OutputStream out = Files.newOutputStream(movies)) {
      generator.writeMovies(out);
    }
    Path report = work.resolve("lowest-rated.report");
    Path output = work.resolve("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LowestRatedJob job = new LowestRatedJob();
    job.printingTo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    int code = ToolRunner.run(new Configuration(), job, new String[] {"-D", JobReport.FILE_KEY + "=" + report.toUri(),
        "--movies", movies.toString(), ratings.toString(), output.toString()});
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

    JobReport measured = JobReport.read(new Configuration(), new org.apache.hadoop.fs.Path(report.toUri()));
    assertEquals(20_000, measured.ratingsRead());
    assertTrue(measured.jobSeconds() > 0, measured.toString());
    assertTrue(measured.mapPhaseSeconds() >= 0 && measured.mapPhaseSeconds() <= measured.jobSeconds(), measured.toString());
    assertEquals(0, measured.columnarBytesRead(), "text is not read by the columnar readers");
    assertTrue(measured.inputBytesRead() >= Files.size(ratings.resolve("part-00000")), measured.toString());
    try (Stream<Path> files = Files.list(output)) {
      assertFalse(files.anyMatch(file -> file.getFileName().toString().equals("_tasks")), "the task times stay out of the output");
    }
  }
}
