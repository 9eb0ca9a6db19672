package dev.hadoopkit.ingest;

import java.io.StringWriter;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Readies, on a second thread, the parts of Hadoop a local job needs only at submission: the login user, the local
 * filesystem, the static configurations of the job classes (each parses Hadoop's XML defaults again), the metrics
 * system LocalJobRunner registers with (and its JMX server), and the XML writer of job.xml. The command's thread
 * meanwhile connects to the database and plans the splits, which leaves the second core idle: a 100-row import
 * spent about 0.25 s of its 1 s on these (docs/benchmarks.md). Each step is what Hadoop's own code would do next,
 * once per process; a step that fails is left to that code, which reports its own error.
 */
public final class JobWarmUp {
  private JobWarmUp() {
  }

  /** Starts the warm-up on a daemon thread (it never delays the exit) for a local job of {@code conf}. */
  public static Thread start(Configuration conf) {
    Configuration copy = new Configuration(conf);
    Thread thread = new Thread(() -> run(copy), "hadoopkit-job-warm-up");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void run(Configuration conf) {
    step(() -> UserGroupInformation.getCurrentUser());
    step(() -> FileSystem.getLocal(conf));
    // Class initialization: the job's configuration and counter limits read mapred-default.xml.
    step(() -> new org.apache.hadoop.mapred.JobConf(conf).getNumMapTasks());
    step(() -> {
      org.apache.hadoop.mapreduce.counters.Limits.init(new org.apache.hadoop.mapred.JobConf(conf));
      return null;
    });
    // LocalJobRunner's metrics: a second initialize returns this system (its warning is silenced in log4j.properties).
    step(() -> DefaultMetricsSystem.initialize("JobTracker"));
    step(() -> {
      javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      org.w3c.dom.Document doc = factory.newDocumentBuilder().newDocument();
      doc.appendChild(doc.createElement("configuration"));
      TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(new StringWriter()));
      return doc;
    });
  }

  /** One step; its failure is not this class's to report. */
  private static void step(java.util.concurrent.Callable<?> step) {
    try {
      step.call();
    } catch (Exception | LinkageError e) {
      // Hadoop's code does the same work again when it needs it and reports its own failure.
    }
  }
}
