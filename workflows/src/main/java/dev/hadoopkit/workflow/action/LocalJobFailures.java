package dev.hadoopkit.workflow.action;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why a LocalJobRunner job failed. The LocalJobRunner keeps neither failure info nor task diagnostics: the failed
 * task's exception is only logged (a WARN of logger {@code org.apache.hadoop.mapred.LocalJobRunner} whose message is
 * the job id). This listens to that logger and keeps the exception per job until the action reads it. Without
 * reload4j (another logging backend) or with that logger above WARN nothing is kept, and the action says where the
 * task's error is instead.
 */
final class LocalJobFailures {
  private static final Map<String, Throwable> FAILURES = new ConcurrentHashMap<>();
  private static boolean installed;

  private LocalJobFailures() {
  }

  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    try {
      org.apache.log4j.Logger.getLogger("org.apache.hadoop.mapred.LocalJobRunner").addAppender(new Listener());
    } catch (LinkageError noReload4j) {
      // the job's failure reads as "see the log" then
    }
  }

  /** The exception the job's failed task logged, waiting up to {@code waitMillis} for it; null when none came. */
  static Throwable take(String jobId, long waitMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    Throwable failure = FAILURES.remove(jobId);
    while (failure == null && System.currentTimeMillis() < deadline) {
      Thread.sleep(20); // the runner marks the job FAILED a moment before it logs the cause
      failure = FAILURES.remove(jobId);
    }
    return failure;
  }

  static void forget(String jobId) {
    FAILURES.remove(jobId);
  }

  /** The innermost cause as {@code Type: message}: what failed in the task, not the runner's wrappers. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    if (root instanceof ClassNotFoundException || root instanceof NoClassDefFoundError) {
      text += " (put the jar holding it in the app's lib/ directory or name it in a <file>)";
    }
    return text;
  }

  private static final class Listener extends org.apache.log4j.AppenderSkeleton {
    @Override
    protected void append(org.apache.log4j.spi.LoggingEvent event) {
      if (event.getThrowableInformation() == null || !event.getLevel().isGreaterOrEqual(org.apache.log4j.Level.WARN)) {
        return;
      }
      String message = String.valueOf(event.getMessage());
      if (message.startsWith("job_local")) {
        FAILURES.put(message.trim(), event.getThrowableInformation().getThrowable());
      }
    }

    @Override
    public void close() {
    }

    @Override
    public boolean requiresLayout() {
      return false;
    }
  }
}
