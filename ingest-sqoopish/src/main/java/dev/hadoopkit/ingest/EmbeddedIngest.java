package dev.hadoopkit.ingest;

import dev.hadoopkit.ingest.cli.Console;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;

/**
 * Runs one Sqoop command line inside the caller's JVM, for programs that embed ingest (the workflow engine's sqoop
 * action): never calls {@code System.exit}, writes to the caller's streams, starts from the caller's Hadoop
 * configuration (generic {@code -D} options after the tool name still apply, to a copy), and reports every MapReduce
 * job it submits. Thread-safe: concurrent runs share nothing.
 *
 * <pre>{@code
 * EmbeddedIngest.Result r = EmbeddedIngest.builder().output(out).errors(err).listener(l).build()
 *     .run(List.of("import", "--connect", url, "--table", "movies", "--target-dir", dir), conf);
 * if (!r.succeeded()) { ... r.errorMessage() ... }
 * }</pre>
 */
public final class EmbeddedIngest {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean verbose;
  private final JobListener listener;

  private EmbeddedIngest(Builder b) {
    this.out = b.out;
    this.err = b.err;
    this.verbose = b.verbose;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One finished MapReduce job of a run: its id, whether it succeeded, and its counters by group and name. */
  public record JobReport(String jobId, boolean successful, Map<String, Map<String, Long>> counters) {
  }

  /**
   * How a command line ended: the exit code of bin/sqoop (0 ok, 1 failure, 2 usage error), the one-line error message
   * (null on success) and the jobs it ran, in submission order.
   */
  public record Result(int exitCode, String errorMessage, List<JobReport> jobs) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** Runs {@code args} (tool name first, as after {@code sqoop}) against a copy of {@code conf}. */
  public Result run(List<String> args, Configuration conf) {
    List<JobReport> jobs = new ArrayList<>();
    JobListener collecting = new JobListener() {
      @Override
      public void submitted(Job job) {
        listener.submitted(job);
      }

      @Override
      public void finished(Job job, boolean successful, Counters counters) {
        synchronized (jobs) {
          jobs.add(new JobReport(job.getJobID().toString(), successful, counterMap(counters)));
        }
        listener.finished(job, successful, counters);
      }
    };
    Console console = new Console(out, err, verbose || args.contains("--verbose"), false, collecting);
    int code = new IngestMain(console).run(args.toArray(new String[0]), new Configuration(conf));
    out.flush();
    err.flush();
    synchronized (jobs) {
      return new Result(code, code == 0 ? null : console.lastError(), List.copyOf(jobs));
    }
  }

  /** Counters by group name and counter name (empty for null). */
  public static Map<String, Map<String, Long>> counterMap(Counters counters) {
    Map<String, Map<String, Long>> map = new TreeMap<>();
    if (counters == null) {
      return map;
    }
    for (CounterGroup group : counters) {
      Map<String, Long> values = new TreeMap<>();
      for (Counter counter : group) {
        values.put(counter.getName(), counter.getValue());
      }
      map.put(group.getName(), values);
    }
    return map;
  }

  /** Where output goes, verbosity, and who hears about jobs. */
  public static final class Builder {
    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private boolean verbose;
    private JobListener listener = JobListener.NONE;

    private Builder() {
    }

    /** Results (eval rows, list-tables, ...). Default System.out. */
    public Builder output(PrintStream stream) {
      this.out = stream;
      return this;
    }

    /** Sqoop-style INFO/WARN/ERROR lines. Default System.err. */
    public Builder errors(PrintStream stream) {
      this.err = stream;
      return this;
    }

    /** Stack traces and debug lines, as {@code --verbose}. */
    public Builder verbose(boolean value) {
      this.verbose = value;
      return this;
    }

    public Builder listener(JobListener value) {
      this.listener = value;
      return this;
    }

    public EmbeddedIngest build() {
      return new EmbeddedIngest(this);
    }
  }
}
