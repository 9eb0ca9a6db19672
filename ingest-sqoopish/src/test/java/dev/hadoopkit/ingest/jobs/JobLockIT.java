package dev.hadoopkit.ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.IngestException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One {@code sqoop job --exec NAME} at a time per saved job: an OS file lock in the metastore (issue 15 defect 7). */
class JobLockIT {
  @TempDir
  Path tmp;

  private CliRun job(String... args) {
    return CliRun.job(tmp, args);
  }

  @Test
  void secondExecWhileAnotherProcessRunsTheJobIsRefused() throws Exception {
    CliRun create = job("--create", "smallinc", "--", "import", "--connect", "jdbc:mysql://127.0.0.1:1/none", "--table",
        "t", "--incremental", "append", "--check-column", "id", "--target-dir", tmp.resolve("out").toString());
    assertEquals(0, create.exit, create.toString());
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), LockHolder.class.getName(), tmp.resolve("meta").toString(), "smallinc")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      ExecutorService reader = Executors.newSingleThreadExecutor();
      try {
        Future<String> line = reader.submit(out::readLine);
        assertEquals("locked", line.get(60, TimeUnit.SECONDS));
      } finally {
        reader.shutdownNow();
      }
      CliRun second = job("--exec", "smallinc");
      assertEquals(1, second.exit, second.toString());
      assertTrue(second.err.contains("job smallinc is already running since ") && second.err.contains(", pid "
          + holder.pid()), second.err);
    } finally {
      holder.getOutputStream().close();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "lock holder did not end");
    }
    // Released with its owner: the next exec gets past the lock (and fails on the closed port: exit 1, another error).
    CliRun after = job("--exec", "smallinc");
    assertEquals(1, after.exit, after.toString());
    assertTrue(!after.err.contains("already running"), after.err);
  }

  @Test
  void twoThreadsCannotHoldTheSameJobsLock() throws Exception {
    JobStore store = new JobStore(tmp.resolve("meta2"));
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> first = pool.submit(() -> {
        try (JobStore.ExecLock lock = store.lockForExec("nightly")) {
          locked.countDown();
          release.await(30, TimeUnit.SECONDS);
        }
        return null;
      });
      assertTrue(locked.await(30, TimeUnit.SECONDS));
      IngestException e = assertThrows(IngestException.class, () -> store.lockForExec("nightly"));
      assertTrue(e.getMessage().startsWith("job nightly is already running since "), e.getMessage());
      try (JobStore.ExecLock other = store.lockForExec("other")) {
        assertTrue(other != null, "another job's lock is independent");
      }
      release.countDown();
      first.get(30, TimeUnit.SECONDS);
      try (JobStore.ExecLock again = store.lockForExec("nightly")) {
        assertTrue(again != null);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
