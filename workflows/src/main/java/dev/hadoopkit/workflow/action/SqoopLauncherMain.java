package dev.hadoopkit.workflow.action;

import dev.hadoopkit.ingest.EmbeddedIngest;
import dev.hadoopkit.ingest.JobListener;
import dev.hadoopkit.workflow.launcher.LauncherAM;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * A sqoop action's driver inside its launcher container: runs the command through ingest with {@code action.xml}'s
 * configuration (its jobs carry the action's tag). The engine replaced every password in the arguments by a
 * placeholder ({@link SqoopActionExecutor#placeholder(int)}); the values come from this process's credentials (the
 * container's token file), so they never stand on a command line or in a staged file. Writes the job ids, summed
 * counters and error to {@link LauncherAM#ACTION_RESULT_FILE}; exits with ingest's exit code.
 */
public final class SqoopLauncherMain {
  private SqoopLauncherMain() {
  }

  public static void main(String[] args) throws Exception {
    Credentials credentials = UserGroupInformation.getCurrentUser().getCredentials();
    List<String> command = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String arg : args) {
      shown.add(arg.replaceAll("@HK_SQOOP_SECRET_[0-9]+@", SqoopActionExecutor.MASK));
      String value = arg;
      for (int i = 0; value.contains(SqoopActionExecutor.placeholder(i)); i++) {
        byte[] secret = credentials.getSecretKey(SqoopActionExecutor.secretAlias(i));
        if (secret == null) {
          System.err.println("sqoop: the launcher's credentials lack secret " + i + "; was the container started"
              + " without its token file?");
          System.exit(1);
        }
        value = value.replace(SqoopActionExecutor.placeholder(i),
            new String(secret, java.nio.charset.StandardCharsets.UTF_8));
      }
      command.add(value);
    }
    // <file>s (options and password files) are in this container's directory
    command = SqoopActionExecutor.localFiles(command, Path.of("").toAbsolutePath());
    Configuration conf = new Configuration();
    conf.addResource(new File("action.xml").toURI().toURL());
    System.err.println("INFO  sqoop " + String.join(" ", shown));
    List<String> ids = new ArrayList<>();
    JobListener listener = new JobListener() {
      @Override
      public void submitted(Job job) {
        synchronized (ids) {
          ids.add(job.getJobID().toString());
        }
        System.err.println("sqoop: submitted " + job.getJobID());
      }
    };
    List<String> args2 = command;
    EmbeddedIngest.Result result = LauncherUser.run(() -> EmbeddedIngest.builder().output(System.out)
        .errors(System.err).listener(listener).build().run(args2, conf));
    String jobs;
    synchronized (ids) {
      jobs = String.join(",", ids);
    }
    new ActionResultFile(result.exitCode(), jobs, result.errorMessage(), SqoopActionExecutor.sum(result.jobs()))
        .write(Path.of(LauncherAM.ACTION_RESULT_FILE));
    System.exit(result.exitCode());
  }
}
