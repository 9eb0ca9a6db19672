package dev.hadoopkit.ingest.jobs;

import java.nio.file.Path;

/** A separate process that holds a saved job's exec lock until its standard input closes (for JobLockIT). */
public final class LockHolder {
  private LockHolder() {
  }

  public static void main(String[] args) throws Exception {
    try (JobStore.ExecLock lock = new JobStore(Path.of(args[0])).lockForExec(args[1])) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock until the parent closes our stdin (or dies)
      }
    }
  }
}
