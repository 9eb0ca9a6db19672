package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.launcher.InLauncherJobProvider;
import dev.hadoopkit.workflow.launcher.LaunchRequest;
import dev.hadoopkit.workflow.launcher.LauncherAM;
import dev.hadoopkit.workflow.launcher.LaunchResult;
import dev.hadoopkit.workflow.launcher.YarnLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * Runs an action's command in a YARN launcher container instead of a child process of the engine: the action's
 * files ({@code action.xml}, the app's {@code lib/} jars, localized {@code <file>}s) go with it, the application id
 * is the action's external id, kill kills the launcher and every job it submitted (they carry its tag through
 * {@code mapreduce.job.tags} in action.xml), and its stdout, stderr and output.properties come back into the
 * action's work dir, so {@code bin/workflow log}, capture-output and {@code wf:actionData} work as in local mode.
 */
final class LaunchedAction {
  /** The launcher's own jar in the container (this engine's jar: LauncherAM, JavaActionLauncher). */
  private static final String LAUNCHER_JAR = "hk-workflow-launcher.jar";
  /** In action.xml: the link names of the app's lib/ jars in the launcher's working directory. */
  static final String LIB_JARS = "hk.workflow.launcher.lib.jars";

  private LaunchedAction() {
  }

  /** The command's exit code and where its output went, or an error outcome when the launcher itself failed. */
  record Ended(Integer exit, ActionOutcome failure) {
  }

  static Ended run(ActionContext context, List<String> command, List<String> workDirFiles, Map<String, String> env,
      String type) throws IOException, InterruptedException {
    return run(context, context.conf(), command, workDirFiles, env, type, Map.of(), List.of());
  }

  /**
   * As above with the action configuration to write as action.xml ({@code actionConf}, e.g. a map-reduce action's
   * finished JobConf), secrets for the container's credentials only ({@link LaunchRequest#secrets()}), and classes
   * whose jars the command needs besides this engine's (ingest, JDBC drivers), shared like the engine's jar.
   */
  static Ended run(ActionContext context, Configuration actionConf, List<String> command, List<String> workDirFiles,
      Map<String, String> env, String type, Map<String, String> secrets, List<String> sharedClasses)
      throws IOException, InterruptedException {
    String tag = tag(context);
    Configuration conf = new Configuration(actionConf);
    String tags = conf.getTrimmed("mapreduce.job.tags", "");
    conf.set("mapreduce.job.tags", tags.isEmpty() ? tag : tags + "," + tag);
    for (String key : List.of(YarnLauncher.MEMORY_MB, YarnLauncher.QUEUE, YarnLauncher.KEEP_STAGING,
        YarnLauncher.IN_JVM, YarnLauncher.CDS, YarnLauncher.CDS_DIR, InLauncherJobProvider.INLINE)) {
      String value = context.workflowConf().get(key);
      if (conf.get(key) == null && value != null) {
        conf.set(key, value); // a job property sets it for every launcher of the run
      }
    }
    conf.setBoolean(InLauncherJobProvider.IN_LAUNCHER, true);
    int extra = InLauncherJobProvider.extraContainerMb(conf, context.workflowConf());
    if (extra > 0) { // a job inside the launcher: its task's memory comes with the container
      conf.setInt(YarnLauncher.MEMORY_MB, conf.getInt(YarnLauncher.MEMORY_MB, YarnLauncher.DEFAULT_MEMORY_MB) + extra);
    }
    Files.createDirectories(context.workDir());
    Map<String, String> files = new LinkedHashMap<>();
    libJars(context, files);
    // the jars a driver main ships with its job (a map-reduce action's tmpjars): the app's, not the engine's
    conf.set(LIB_JARS, String.join(",", files.keySet().stream().filter(n -> n.endsWith(".jar")).toList()));
    Path actionXml = context.workDir().resolve("action.xml");
    try (OutputStream out = Files.newOutputStream(actionXml)) {
      conf.writeXml(out);
    }
    files.put("action.xml", actionXml.toString());
    for (String link : workDirFiles) {
      files.put(link, context.workDir().resolve(link).toString());
    }
    Map<String, String> shared = new LinkedHashMap<>();
    String launcherJar = jarOf(LaunchedAction.class.getName());
    if (launcherJar != null) {
      shared.put(LAUNCHER_JAR, launcherJar);
    }
    for (String className : sharedClasses) {
      String jar = jarOf(className);
      if (jar != null) {
        shared.putIfAbsent(Path.of(jar).getFileName().toString(), jar);
      }
    }
    if (!sharedClasses.isEmpty()) {
      engineLibraries().forEach(jar -> shared.putIfAbsent(Path.of(jar).getFileName().toString(), jar));
    }
    FileSystem fs = FileSystem.get(conf);
    String staging = fs.makeQualified(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".hk-launcher/"
        + context.runId() + "/" + context.node() + "-" + context.attempt())).toString();
    LaunchRequest request = new LaunchRequest("hk:" + type + ":" + context.runId() + ":" + context.node(), tag,
        conf.get(YarnLauncher.QUEUE, conf.get("mapreduce.job.queuename")), command, files, shared, env, staging,
        secrets);
    Path stderr = context.workDir().resolve("stderr");
    try (YarnLauncher launcher = new YarnLauncher(conf)) {
      String previous = context.previousExternalId();
      if (previous != null && previous.startsWith("application_")) {
        // resumed after the engine died: its launcher (and the jobs it started) must not run on beside this one
        launcher.killIfRunning(previous);
        launcher.killTagged(tag);
      }
      ApplicationId id = launcher.submit(request);
      context.externalId().accept(id.toString());
      context.cancellation().onCancel(() -> {
        try {
          launcher.killTagged(tag);
        } catch (IOException | YarnException e) {
          // the engine reports the kill; a launcher that outlives it ends with its action's command
        }
      });
      java.util.concurrent.atomic.AtomicReference<String> tracking = new java.util.concurrent.atomic.AtomicReference<>();
      LaunchResult result = launcher.await(id, staging, context.cancellation()::isCancelled, tracking::set);
      if (context.cancellation().isCancelled()) {
        launcher.killTagged(tag);
      }
      Path actionResult = context.workDir().resolve(LauncherAM.ACTION_RESULT_FILE);
      Files.deleteIfExists(actionResult);
      Map<String, Path> wanted = new java.util.LinkedHashMap<>();
      wanted.put("stdout", context.workDir().resolve("stdout"));
      wanted.put("stderr", stderr);
      wanted.put("output.properties", context.workDir().resolve("output.properties"));
      wanted.put(LauncherAM.ACTION_RESULT_FILE, actionResult);
      java.util.Set<String> fetched = launcher.fetch(result.resultDir(), wanted);
      boolean out = fetched.contains("stdout");
      boolean err = fetched.contains("stderr");
      if (!out) {
        Files.writeString(context.workDir().resolve("stdout"), "");
      }
      // bin/workflow log shows where the launcher ran and where its full logs are
      String header = "launcher " + id + (tracking.get() == null ? "" : " " + tracking.get())
          + " (all logs: bin/yarn logs -applicationId " + id + ")\n"
          + (result.classSharing() == null ? "" : "launcher: " + result.classSharing() + "\n");
      Files.writeString(stderr, header + (err ? Files.readString(stderr) : ""));
      launcher.clean(staging);
      if (result.exitCode() == null) {
        return new Ended(null, ActionOutcome.error("JA017", "the launcher " + result.applicationId()
            + " ended without the action's result: " + firstLine(result.diagnostics())
            + " (bin/yarn logs -applicationId " + result.applicationId() + ")"));
      }
      return new Ended(result.exitCode(), null);
    } catch (YarnException e) {
      return new Ended(null, ActionOutcome.error("JA009", "cannot submit the launcher to YARN: "
          + firstLine(e.getMessage())));
    }
  }

  /** The app's lib/ jars: from the app's directory on the cluster where they are (no upload), else the local ones. */
  private static void libJars(ActionContext context, Map<String, String> files) throws IOException {
    org.apache.hadoop.fs.Path lib = new org.apache.hadoop.fs.Path(context.appPath(), "lib");
    FileSystem fs = lib.getFileSystem(context.conf());
    List<String> remoteNames = new java.util.ArrayList<>();
    if (!"file".equals(fs.getUri().getScheme()) && fs.exists(lib)) {
      for (FileStatus status : fs.listStatus(lib)) {
        String name = status.getPath().getName();
        if (status.isFile() && (name.endsWith(".jar") || name.endsWith(".so"))) {
          files.put(name, status.getPath().toString());
          remoteNames.add(name);
        }
      }
    }
    for (String jar : context.libJars()) {
      String name = Path.of(jar).getFileName().toString();
      boolean copyOfRemote = name.startsWith("hk-wf-lib-") && remoteNames.stream().anyMatch(name::endsWith);
      if (!copyOfRemote) {
        files.putIfAbsent(name, jar);
      }
    }
  }

  /**
   * Under bin/workflow: the engine's jars that the cluster's Hadoop classpath ({@link
   * JavaActionExecutor#ACTION_CLASSPATH_PROPERTY}) lacks, by file name — what a driver that runs engine code in the
   * container (sqoop: ingest, its formats, Parquet, Avro, JDBC drivers) needs, as Oozie's sharelib for sqoop. Each is
   * uploaded once and kept by the NodeManagers. Empty elsewhere (tests: the cluster has this JVM's class path).
   */
  private static List<String> engineLibraries() {
    String hadoop = System.getProperty(JavaActionExecutor.ACTION_CLASSPATH_PROPERTY);
    if (hadoop == null || hadoop.isBlank()) {
      return List.of();
    }
    java.util.Set<String> cluster = new java.util.HashSet<>();
    for (String entry : hadoop.split(java.io.File.pathSeparator)) {
      cluster.add(Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString());
    }
    List<String> jars = new java.util.ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(path) && !cluster.contains(path.getFileName().toString())) {
        jars.add(path.toAbsolutePath().toString());
      }
    }
    return jars;
  }

  /**
   * The jar holding a class, or null when it comes from a classes directory (tests: on the cluster's path) or is not
   * on this engine's class path at all (a JDBC driver the installation left out).
   */
  private static String jarOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, LaunchedAction.class.getClassLoader());
      java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path location = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(location) ? location.toString() : null;
    } catch (ClassNotFoundException | java.net.URISyntaxException e) {
      return null;
    }
  }

  /** YARN application tags: lower case, at most 100 characters. */
  static String tag(ActionContext context) {
    String raw = ("hk-" + context.runId() + "-" + context.node() + "-" + context.attempt()).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9._-]", "_");
    return raw.length() <= 100 ? raw : raw.substring(0, 100);
  }

  private static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "no diagnostics";
    }
    return text.strip().lines().findFirst().orElse("");
  }
}
