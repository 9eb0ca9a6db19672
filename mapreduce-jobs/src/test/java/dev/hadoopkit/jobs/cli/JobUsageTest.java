package dev.hadoopkit.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

class JobUsageTest {

  private static JobSpec spec(JobCommand.MoviesOption movies) {
    return new JobSpec("some-job", "Does something.", List.of("movie", "count"), movies, "Example: some-job in out");
  }

  @Test
  void offersMoviesOnlyToJobsThatReadThem() {
    assertFalse(JobUsage.options(spec(JobCommand.MoviesOption.NONE), options -> { }).hasLongOption("movies"));
    Options required = JobUsage.options(spec(JobCommand.MoviesOption.REQUIRED), options -> { });
    assertTrue(required.getOption("movies").getDescription().endsWith("; required"));
    Options optional = JobUsage.options(spec(JobCommand.MoviesOption.OPTIONAL), options -> { });
    assertTrue(optional.getOption("movies").getDescription().endsWith("; titles are empty without it"));
  }

  @Test
  void putsTheJobsOwnOptionsBetweenMoviesAndTheCommonOnes() {
    Options options = JobUsage.options(spec(JobCommand.MoviesOption.OPTIONAL),
        own -> own.addOption(Option.builder().longOpt("top").hasArg().build()));
    List<String> names = options.getOptions().stream().map(Option::getLongOpt).toList();
    assertEquals("movies", names.get(0));
    assertEquals("top", names.get(1));
    assertTrue(names.containsAll(List.of("strict", "overwrite", "print", "verbose", "help")));
  }

  @Test
  void usageErrorNamesTheJobThenShowsTheUsageLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JobUsage.printUsageError(new PrintStream(bytes, true, StandardCharsets.UTF_8), "some-job", "Input x does not exist.");
    assertEquals("some-job: Input x does not exist.\n"
        + "Usage: hadoop jar movielens-jobs.jar some-job [generic options] [options] <ratings>... <output>"
        + "   (--help for details)\n", bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }
}
