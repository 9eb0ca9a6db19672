package dev.hadoopkit.ingest.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * until the password is there, so no task starts without it.
 */
class AwaitPasswordTest {
  @Test
  void setupWaitsUntilTheCredentialsArriveLikeLocalJobRunnerSetsThemLate() throws Exception {
    Job client = Job.getInstance(new JobConf(false));
    ConnectionSpec.storePassword(client, "s3cret".toCharArray());
    // What LocalJobRunner's thread sees at first: the configuration from job.xml with empty Credentials.
    JobConf live = new JobConf(client.getConfiguration());
    live.setCredentials(new Credentials());
    CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
      long t0 = System.nanoTime();
      try {
        ConnectionSpec.awaitPassword(new JobContextImpl(live, new JobID("local", 1)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return (System.nanoTime() - t0) / 1_000_000;
    });
    Thread.sleep(300);
    live.setCredentials(client.getCredentials()); // what LocalJobRunner.submitJob does after starting the thread
    long millis = waited.get(10, TimeUnit.SECONDS);
    assertTrue(millis >= 250, "returned after " + millis + " ms, before the credentials arrived");
    assertArrayEquals("s3cret".toCharArray(), ConnectionSpec.loadPassword(live.getCredentials()));
  }

  @Test
  void noPasswordMeansNoWait() throws Exception {
    Job client = Job.getInstance(new JobConf(false));
    ConnectionSpec.storePassword(client, null);
    long t0 = System.nanoTime();
    ConnectionSpec.awaitPassword(new JobContextImpl(new JobConf(client.getConfiguration()), new JobID("local", 1)));
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000);
  }
}
