package dev.hadoopkit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.util.Tool;
import org.junit.jupiter.api.Test;

class MovieLensDriverTest {

  @Test
  void registersEveryJobOnceAsATool() {
    List<String> names = MovieLensDriver.programs().stream().map(MovieLensDriver.Program::name).toList();
    assertEquals(List.of("ratings-breakdown", "ratings-per-user", "movie-stats", "lowest-rated", "bad-movies",
        "most-popular", "oldest-five-star", "generate", "pipeline", "bench", "bench-formats"), names);
    for (MovieLensDriver.Program program : MovieLensDriver.programs()) {
      assertTrue(Tool.class.isAssignableFrom(program.mainClass()), program.name() + " must be a Tool");
    }
  }

  @Test
  void listsJobsWithDescriptions() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    MovieLensDriver.printJobs(new PrintStream(buffer, true, StandardCharsets.UTF_8), MovieLensDriver.programs());
    String listing = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(listing.contains("  lowest-rated       The lowest average ratings among movies"), listing);
    assertTrue(listing.contains("<job> --help"), listing);
  }
}
