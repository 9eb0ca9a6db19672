package dev.hadoopkit.jobs.runtime;

/**
 * Keeps LocalJobRunner from logging a failed task's stack trace (a WARN with 20-30 lines) while a job runs without
 * --verbose: the job command prints the failure as one line from the {@link TaskFailureLog} instead. Restores the
 * logger's level when closed. Without log4j 1 (reload4j, Hadoop's logging) on the classpath it does nothing.
 */
public final class QuietLocalRunner implements AutoCloseable {

  private static final String LOGGER = "org.apache.hadoop.mapred.LocalJobRunner";

  private final org.apache.log4j.Logger logger;
  private final org.apache.log4j.Level previous;

  private QuietLocalRunner(org.apache.log4j.Logger logger, org.apache.log4j.Level previous) {
    this.logger = logger;
    this.previous = previous;
  }

  public static QuietLocalRunner quiet() {
    try {
      org.apache.log4j.Logger logger = org.apache.log4j.Logger.getLogger(LOGGER);
      QuietLocalRunner quiet = new QuietLocalRunner(logger, logger.getLevel());
      logger.setLevel(org.apache.log4j.Level.ERROR);
      return quiet;
    } catch (LinkageError e) {
      return new QuietLocalRunner(null, null);
    }
  }

  @Override
  public void close() {
    if (logger != null) {
      logger.setLevel(previous);
    }
  }
}
