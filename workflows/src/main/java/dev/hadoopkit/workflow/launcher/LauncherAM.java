package dev.hadoopkit.workflow.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * The launcher application master, as Oozie's LauncherAM: runs inside the YARN container the engine asked for, with
 * the action's files localized in its working directory. It registers with the ResourceManager, runs the action's
 * command (from {@code launcher.properties}) as a child process whose stdout and stderr are the container's logs
 * (a Java main in this JVM instead, when the engine started it with the main's options: {@link JavaCommand}),
 * then writes the exit code and the action's output file ({@code capture-output}) to the result directory on the
 * cluster's file system, copies the logs' tails there for the engine, and unregisters: SUCCEEDED when the command
 * exited 0, else FAILED with the exit code.
 */
public final class LauncherAM {
  /** In {@code launcher.properties}: arg.count, arg.0 … (with the placeholders below), result.dir. */
  static final String SPEC_FILE = "launcher.properties";
  /** Replaced by the container's java, and by its class path (the app's jars, then the cluster's Hadoop). */
  public static final String JAVA_PLACEHOLDER = "@JAVA@";
  public static final String CLASSPATH_PLACEHOLDER = "@CLASSPATH@";
  static final String RESULT_FILE = "result.properties";
  /** In the result file: what the launcher's JVM did with its class-sharing archive ({@link #classSharing}). */
  static final String CLASS_SHARING = "class.sharing";
  /** In {@code launcher.properties}: true when the command's Java main runs in this JVM ({@link JavaCommand}). */
  static final String IN_JVM = "in.jvm";
  static final String OUTPUT_FILE = "output.properties";
  /** What a driver main (map-reduce, sqoop) reports to the engine: job ids, counters, its error message. */
  public static final String ACTION_RESULT_FILE = "action-result.properties";
  private static final long LOG_COPY_LIMIT = 1 << 20;

  private LauncherAM() {
  }

  public static void main(String[] args) throws Exception {
    Properties spec = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(SPEC_FILE), StandardCharsets.UTF_8)) {
      spec.load(reader);
    }
    List<String> written = new ArrayList<>();
    List<String> command = new ArrayList<>();
    int count = Integer.parseInt(spec.getProperty("arg.count"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String fullClasspath = System.getenv(LauncherScript.FULL_CLASSPATH_ENV);
    String classpath = fullClasspath == null || fullClasspath.isEmpty() ? System.getProperty("java.class.path")
        : fullClasspath;
    useDirectoryLoader(System.getenv(LauncherScript.DIRECTORIES_ENV));
    String classSharing = classSharing(System.getenv(LauncherScript.ARCHIVE_ENV),
        System.getenv(LauncherScript.ARCHIVE_MODE_ENV));
    System.err.println("launcher: " + classSharing); // the container's stderr, before the action's redirect
    PrintStream containerErr = System.err;
    for (int i = 0; i < count; i++) {
      written.add(spec.getProperty("arg." + i));
      command.add(written.get(i).replace(JAVA_PLACEHOLDER, java)
          .replace(CLASSPATH_PLACEHOLDER, classpath));
    }
    File logDir = logDir();
    File stdout = new File(logDir, "action-stdout");
    File stderr = new File(logDir, "action-stderr");
    JavaCommand inJvm = Boolean.parseBoolean(spec.getProperty(IN_JVM)) ? JavaCommand.of(written) : null;
    if (inJvm != null) {
      InJvmMain.installTrap();
      InJvmMain.redirect(stdout, stderr); // before anything logs: Hadoop's console appender keeps the stream it found
    }
    Configuration conf = new YarnConfiguration();
    String scheduler = spec.getProperty(YarnConfiguration.RM_SCHEDULER_ADDRESS);
    if (scheduler != null && !scheduler.isBlank()) {
      conf.set(YarnConfiguration.RM_SCHEDULER_ADDRESS, scheduler);
    }
    // Heartbeats while the command runs: an ApplicationMaster silent for yarn.am.liveness-monitor.expiry-interval-ms
    // (10 min) is expired by the ResourceManager, with its action.
    AMRMClientAsync<AMRMClient.ContainerRequest> rm = AMRMClientAsync.createAMRMClientAsync(HEARTBEAT_MILLIS,
        new Heartbeats());
    rm.init(conf);
    rm.start();
    rm.registerApplicationMaster("", 0, "");
    long registered = System.currentTimeMillis();
    int exit;
    String message;
    if (inJvm != null) {
      exit = InJvmMain.run(inJvm.mainClass(), inJvm.args());
      message = exit == 0 ? "" : "the action's main " + inJvm.mainClass() + " exited with code " + exit;
    } else {
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout).redirectError(stderr);
        if (fullClasspath != null && !fullClasspath.isEmpty()) {
          builder.environment().put("CLASSPATH", fullClasspath); // the command's, as the NodeManager set it
        }
        Process process = builder.start();
        exit = process.waitFor();
        message = exit == 0 ? "" : "the action's command exited with code " + exit;
      } catch (IOException e) {
        exit = 127;
        message = "cannot start the action's command " + command.get(0) + ": " + e.getMessage();
        Files.writeString(stderr.toPath(), message + "\n");
      }
    }
    System.out.flush();
    System.err.flush();
    long ran = System.currentTimeMillis();
    org.apache.hadoop.fs.Path result = new org.apache.hadoop.fs.Path(spec.getProperty("result.dir"));
    // its own instance: a main in this JVM may have closed the cached one
    FileSystem fs = FileSystem.newInstance(result.toUri(), conf);
    copy(fs, stdout.toPath(), new org.apache.hadoop.fs.Path(result, "stdout"));
    copy(fs, stderr.toPath(), new org.apache.hadoop.fs.Path(result, "stderr"));
    for (String name : List.of(OUTPUT_FILE, ACTION_RESULT_FILE)) {
      Path output = Path.of(name);
      if (Files.isRegularFile(output)) {
        copy(fs, output, new org.apache.hadoop.fs.Path(result, name));
      }
    }
    // The result file is written last, by rename: the engine takes its presence as "the launcher finished".
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(result, "." + RESULT_FILE + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      Properties ended = new Properties();
      ended.setProperty("exit", String.valueOf(exit));
      ended.setProperty(CLASS_SHARING, classSharing);
      ended.store(out, null);
    }
    fs.rename(tmp, new org.apache.hadoop.fs.Path(result, RESULT_FILE));
    long started = startedMillis(System.getenv(LauncherScript.STARTED_ENV), registered);
    containerErr.println("launcher: registered " + (registered - started) + " ms after the container started, the "
        + "action ran " + (ran - registered) + " ms, its result was written in " + (System.currentTimeMillis() - ran)
        + " ms");
    rm.unregisterApplicationMaster(exit == 0 ? FinalApplicationStatus.SUCCEEDED : FinalApplicationStatus.FAILED,
        message, "");
    rm.stop();
    System.exit(0);
  }

  /** When the container's script started, from its environment (the registration time when it did not say). */
  private static long startedMillis(String value, long fallback) {
    try {
      return value == null ? fallback : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Between two heartbeats: well under the ResourceManager's AM expiry, cheap for it. */
  private static final int HEARTBEAT_MILLIS = 1000;

  /** The launcher asks for no containers: nothing to do on the ResourceManager's answers. */
  private static final class Heartbeats extends AMRMClientAsync.AbstractCallbackHandler {
    @Override
    public void onContainersCompleted(List<ContainerStatus> statuses) {
    }

    @Override
    public void onContainersAllocated(List<Container> containers) {
    }

    @Override
    public void onContainersUpdated(List<UpdatedContainer> containers) {
    }

    @Override
    public void onShutdownRequest() {
      // a kill: the NodeManager ends this container and its command
    }

    @Override
    public void onNodesUpdated(List<NodeReport> updatedNodes) {
    }

    @Override
    public float getProgress() {
      return 0.5f;
    }

    @Override
    public void onError(Throwable e) {
      System.err.println("launcher: heartbeat to the ResourceManager failed: " + e);
    }
  }

  /**
   * With a class-sharing archive the application class path holds only jars ({@link LauncherScript}); its
   * directories (the working directory, the cluster's configuration) come on this loader, the context class loader
   * that Hadoop's Configuration and the action's main are found with.
   */
  private static void useDirectoryLoader(String directories) throws IOException {
    if (directories == null || directories.isEmpty()) {
      return;
    }
    List<java.net.URL> urls = new ArrayList<>();
    for (String dir : directories.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        urls.add(new File(dir).toURI().toURL());
      }
    }
    Thread.currentThread().setContextClassLoader(new java.net.URLClassLoader("launcher-directories",
        urls.toArray(new java.net.URL[0]), ClassLoader.getSystemClassLoader()));
  }

  /** What this JVM does with its class-sharing archive, checked where it shows: the files it has mapped. */
  static String classSharing(String archive, String mode) {
    if (archive == null || archive.isEmpty()) {
      return "no class-sharing archive";
    }
    if ("record".equals(mode)) {
      return "recording the class-sharing archive " + archive + " at exit";
    }
    try {
      String mapped = " " + Path.of(archive).toRealPath();
      if (Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(line -> line.endsWith(mapped))) {
        return "classes from the class-sharing archive " + archive;
      }
    } catch (IOException | UncheckedIOException e) {
      return "class-sharing archive " + archive + " (cannot tell whether it is mapped: " + e.getMessage() + ")";
    }
    return "class-sharing archive " + archive + " refused by the JVM (its reason is on the container's stdout)";
  }

  private static File logDir() {
    String dirs = System.getenv("LOG_DIRS");
    if (dirs == null || dirs.isBlank()) {
      return new File(".");
    }
    return new File(dirs.split(",")[0]);
  }

  /** The first MB of a log: enough for the action's report and error; the rest stays in the YARN logs. */
  private static void copy(FileSystem fs, Path local, org.apache.hadoop.fs.Path remote) throws IOException {
    if (!Files.isRegularFile(local)) {
      return;
    }
    try (InputStream in = Files.newInputStream(local); OutputStream out = fs.create(remote, true)) {
      byte[] buffer = new byte[65536];
      long left = LOG_COPY_LIMIT;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        out.write(buffer, 0, n);
        left -= n;
      }
    }
  }
}
