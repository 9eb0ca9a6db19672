package dev.hadoopkit.jobs.cli;

import java.util.List;

/**
 * What a job is, as the driver, {@code --help} and the output show it: its registered name, one line for the job list,
 * the names of its output columns, whether it reads the movies file, and the lines {@code --help} ends with (order,
 * an example).
 */
public record JobSpec(String name, String description, List<String> columns, JobCommand.MoviesOption movies, String helpFooter) {

  public JobSpec {
    columns = List.copyOf(columns);
  }
}
