package dev.hadoopkit.ingest.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.security.Credentials;
import org.junit.jupiter.api.Test;

/**
 * LocalJobRunner hands a job its Credentials only after starting the job's thread; the committer's setupJob waits
 * until the password is there, so no task starts without it. The tests check the order of events (still waiting
 * while the credentials are missing, done once they arrive), not how long anything took.
 */
class AwaitPasswordTest {
  @Test
  void setupWaitsUntilTheCredentialsArriveLikeLocalJobRunnerSetsThemLate() throws Exception {
    Job client = Job.getInstance(new JobConf(false));
    ConnectionSpec.storePassword(client, "s3cret".toCharArray());
    // What LocalJobRunner's thread sees at first: the configuration from job.xml with empty Credentials.
    JobConf live = new JobConf(client.getConfiguration());
    live.setCredentials(new Credentials());
    CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> {
      try {
        ConnectionSpec.awaitPassword(new JobContextImpl(live, new JobID("local", 1)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Thread.sleep(300); // give the waiting thread time to return early if it were going to
    assertFalse(waited.isDone(), "awaitPassword returned before the credentials arrived");
    live.setCredentials(client.getCredentials()); // what LocalJobRunner.submitJob does after starting the thread
    waited.get(10, TimeUnit.SECONDS);
    assertArrayEquals("s3cret".toCharArray(), ConnectionSpec.loadPassword(live.getCredentials()));
  }

  @Test
  void noPasswordMeansNoWait() throws Exception {
    Job client = Job.getInstance(new JobConf(false));
    ConnectionSpec.storePassword(client, null);
    JobConf live = new JobConf(client.getConfiguration());
    live.setCredentials(new Credentials());
    // The credentials never arrive: only a job that expects no password may return (the wait would be 30 s).
    assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> ConnectionSpec.awaitPassword(new JobContextImpl(live, new JobID("local", 1))));
  }
}
