package dev.hadoopkit.workflow.action;

import com.sun.net.httpserver.HttpServer;
import dev.hadoopkit.workflow.launcher.LauncherAM;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.mapred.JobClient;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.JobID;
import org.apache.hadoop.mapred.RunningJob;

/**
 * A map-reduce action's own driver main ({@value #MAIN_CLASS}, e.g. Oozie's {@code DemoMapReduceMain extends
 * MapReduceMain} from the oozie sharelib), run in its launcher process (a child JVM of the engine or a YARN launcher
 * container) as Oozie's LauncherAM runs it: with the system properties LauncherAM sets ({@value #ACTION_CONF_XML},
 * {@code oozie.action.newId}, {@code oozie.action.externalChildIDs}, {@code oozie.action.output.properties},
 * {@code oozie.action.stats.properties}, {@code oozie.action.error.properties} as files in the working directory,
 * {@code oozie.job.id}, {@code oozie.launcher.job.id}, {@code oozie.action.id}, {@code oozie.job.launch.time}) and the
 * action configuration in {@code action.xml}. The main submits the job and writes its id to {@code newId} (Oozie's
 * protocol); this launcher then follows that job to its end, as Oozie's MapReduceActionExecutor does, and writes the
 * result to {@link LauncherAM#ACTION_RESULT_FILE}. On the LocalJobRunner the job runs inside this JVM where no new
 * JobClient sees it: its end comes through Hadoop's job-end notification to a loopback HTTP endpoint of this process.
 * Exit 0 when the job succeeded.
 */
public final class CustomMainLauncher {
  /** Oozie's key naming the launcher's main class ({@code LauncherAM.CONF_OOZIE_ACTION_MAIN_CLASS}). */
  public static final String MAIN_CLASS = "oozie.launcher.action.main.class";
  static final String ACTION_CONF_XML = "oozie.action.conf.xml";
  static final String JOB_ID = "oozie.job.id";
  static final String ACTION_ID = "oozie.action.id";
  private static final String NEW_ID = "newId";
  private static final List<String> ACTION_DATA = List.of("externalChildIDs", "stats.properties", NEW_ID,
      "output.properties", "error.properties");

  private CustomMainLauncher() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: CustomMainLauncher <main-class> [args...]");
      System.exit(2);
    }
    Path actionXml = Path.of("action.xml").toAbsolutePath();
    JobConf conf = new JobConf(false);
    conf.addResource(actionXml.toUri().toURL());
    List<String> jars = new ArrayList<>();
    for (String name : conf.getTrimmedStrings(LaunchedAction.LIB_JARS)) {
      jars.add(new File(name).getAbsoluteFile().toURI().toString());
    }
    if (!jars.isEmpty()) {
      String existing = conf.get("tmpjars");
      conf.set("tmpjars", (existing == null || existing.isEmpty() ? "" : existing + ",") + String.join(",", jars));
    }
    boolean local = "local".equals(conf.get("mapreduce.framework.name", "local"));
    CompletableFuture<String> localEnd = new CompletableFuture<>();
    HttpServer endpoint = local ? jobEndEndpoint(conf, localEnd) : null;
    try (OutputStream out = Files.newOutputStream(actionXml)) {
      conf.writeXml(out);
    }
    setLauncherProperties(actionXml);
    Path result = Path.of(LauncherAM.ACTION_RESULT_FILE);
    Files.deleteIfExists(result);
    Files.deleteIfExists(Path.of(NEW_ID));
    int exit;
    try {
      exit = LauncherUser.run(() -> runMainAndFollow(args, conf, local, localEnd, result));
    } finally {
      if (endpoint != null) {
        endpoint.stop(0);
      }
    }
    System.exit(exit);
  }

  /** As LauncherAM.setupMainConfiguration: the files of the action's data, absolute, in the working directory. */
  private static void setLauncherProperties(Path actionXml) {
    System.setProperty(ACTION_CONF_XML, actionXml.toString());
    for (String name : ACTION_DATA) {
      System.setProperty("oozie.action." + name, Path.of(name).toAbsolutePath().toString());
    }
    String jobId = System.getProperty(JOB_ID, "");
    System.setProperty("oozie.launcher.job.id", jobId);
    System.setProperty("oozie.job.launch.time", String.valueOf(System.currentTimeMillis()));
  }

  /**
   * The LocalJobRunner tells a job's end only through {@code mapreduce.job.end-notification.url}: a loopback endpoint
   * of this process receives the job's id and state.
   */
  private static HttpServer jobEndEndpoint(JobConf conf, CompletableFuture<String> end) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/job-end", exchange -> {
      String query = exchange.getRequestURI().getQuery();
      end.complete(query == null ? "" : query);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    conf.set("mapreduce.job.end-notification.url", "http://127.0.0.1:" + server.getAddress().getPort()
        + "/job-end?id=$jobId&status=$jobStatus");
    conf.setInt("mapreduce.job.end-notification.retry.attempts", 0);
    return server;
  }

  private static int runMainAndFollow(String[] args, JobConf conf, boolean local, CompletableFuture<String> localEnd,
      Path result) throws Exception {
    String mainClass = args[0];
    Method main;
    try {
      main = Class.forName(mainClass, true, Thread.currentThread().getContextClassLoader())
          .getMethod("main", String[].class);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      return fail(result, null, "Main class [" + mainClass + "] (" + MAIN_CLASS + ") cannot be loaded: " + e
          + "; put its jar in the app's lib/ and, when it extends Oozie's LauncherMain or MapReduceMain, the"
          + " oozie-sharelib-oozie jar in the system libpath's oozie/ directory (with oozie.use.system.libpath=true)");
    }
    System.out.println(">>> Invoking Main class now >>> " + mainClass);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof dev.hadoopkit.workflow.launcher.InJvmMain.ExitCalled exit) {
        throw exit; // the main's System.exit inside a launcher's JVM: the launcher takes its status
      }
      e.getCause().printStackTrace();
      return fail(result, null, "Main class [" + mainClass + "] failed: " + e.getCause());
    }
    System.out.println("<<< Invocation of Main class completed <<<");
    Path newId = Path.of(NEW_ID);
    if (!Files.isRegularFile(newId) || Files.readString(newId, StandardCharsets.UTF_8).isBlank()) {
      return fail(result, null, "Main class [" + mainClass + "] ended without submitting a job: it wrote no job id"
          + " to the file named by system property oozie.action.newId (as Oozie's MapReduceMain does)");
    }
    String jobId = Files.readString(newId, StandardCharsets.UTF_8).trim();
    System.err.println("map-reduce: " + mainClass + " submitted " + jobId);
    return local ? followLocal(jobId, localEnd, result) : followOnCluster(jobId, conf, result);
  }

  /**
   * Waits for the job-end notification; should the LocalJobRunner's thread end without one (a notifier error), the
   * job's end is unknown and the action fails rather than wait forever.
   */
  private static int followLocal(String jobId, CompletableFuture<String> end, Path result) throws Exception {
    String query = null;
    int quiet = 0;
    while (query == null) {
      try {
        query = end.get(1, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        quiet = otherWorkThreads() ? 0 : quiet + 1;
        if (quiet >= 5) {
          return fail(result, jobId, "MapReduce job " + jobId + " ended without its job-end notification: its"
              + " state is unknown (see the action's stderr)");
        }
      }
    }
    String status = "";
    for (String pair : query.split("&")) {
      if (pair.startsWith("status=")) {
        status = pair.substring("status=".length());
      }
    }
    boolean ok = "SUCCEEDED".equals(status);
    new ActionResultFile(ok ? 0 : 1, jobId, ok ? null : "MapReduce job " + jobId + " ended " + status
        + " (its task's error is in the action's stderr)", Map.of()).write(result);
    return ok ? 0 : 1;
  }

  /** Whether a thread other than this one and the JVM's daemons still runs (the LocalJobRunner's job thread). */
  private static boolean otherWorkThreads() {
    Thread self = Thread.currentThread();
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t != self && t.isAlive() && !t.isDaemon() && !"DestroyJavaVM".equals(t.getName()));
  }

  private static int followOnCluster(String jobId, JobConf conf, Path result) throws Exception {
    try (JobClient client = new JobClient(conf)) {
      RunningJob running = client.getJob(JobID.forName(jobId));
      if (running == null) {
        return fail(result, jobId, "MapReduce job " + jobId + " (from oozie.action.newId) is not known to the"
            + " cluster");
      }
      while (!running.isComplete()) {
        Thread.sleep(200);
      }
      boolean ok = running.isSuccessful();
      String reason = ok ? null : MapReduceJobResults.failureInfo(running, false);
      String error = ok ? null : "MapReduce job " + jobId + " ended "
          + org.apache.hadoop.mapred.JobStatus.getJobRunState(running.getJobState())
          + (reason == null || reason.isEmpty() ? "" : ": " + reason);
      new ActionResultFile(ok ? 0 : 1, jobId, error, MapReduceJobResults.counters(running.getCounters()))
          .write(result);
      return ok ? 0 : 1;
    }
  }

  private static int fail(Path result, String jobId, String error) throws IOException {
    System.err.println(error);
    new ActionResultFile(1, jobId, error, Map.of()).write(result);
    return 1;
  }
}
