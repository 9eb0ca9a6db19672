package dev.hadoopkit.jobs.cli;

/** A command line that cannot run as given: bad option, missing input, existing output. Exit code 2. */
public final class UsageException extends Exception {

  public UsageException(String message) {
    super(message);
  }
}
