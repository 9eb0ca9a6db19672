package dev.hadoopkit.workflow.engine;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;

/**
 * A java-action main for tests: writes capture-output properties (its args and a value read from the action
 * configuration through {@code new Configuration()}), then exits with the code given as first argument.
 */
public class ExitMain {
  public static void main(String[] args) throws Exception {
    String out = System.getProperty("oozie.action.output.properties");
    if (out != null) {
      Properties p = new Properties();
      p.setProperty("args", String.join(" ", args));
      p.setProperty("conf.value", String.valueOf(new Configuration().get("test.key")));
      p.setProperty("conf.uber", String.valueOf(new JobConf().get("mapreduce.job.ubertask.enable")));
      try (OutputStream stream = new FileOutputStream(out)) {
        p.store(stream, null);
      }
    }
    int code = Integer.parseInt(args[0]);
    if (code != 0) {
      System.err.println("ExitMain exiting with " + code);
    }
    System.exit(code);
  }
}
