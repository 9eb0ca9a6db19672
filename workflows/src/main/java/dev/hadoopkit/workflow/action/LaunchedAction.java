package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.launcher.LaunchRequest;
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

  private LaunchedAction() {
  }

  /** The command's exit code and where its output went, or an error outcome when the launcher itself failed. */
  record Ended(Integer exit, ActionOutcome failure) {
  }

  static Ended run(ActionContext context, List<String> command, List<String> workDirFiles, Map<String, String> env,
      String type) throws IOException, InterruptedException {
    String tag = tag(context);
    Configuration conf = new Configuration(context.conf());
    String tags = conf.getTrimmed("mapreduce.job.tags", "");
    conf.set("mapreduce.job.tags", tags.isEmpty() ? tag : tags + "," + tag);
    for (String key : List.of(YarnLauncher.MEMORY_MB, YarnLauncher.QUEUE)) {
      String value = context.workflowConf().get(key);
      if (conf.get(key) == null && value != null) {
        conf.set(key, value); // a job property sets it for every launcher of the run
      }
    }
    Files.createDirectories(context.workDir());
    Path actionXml = context.workDir().resolve("action.xml");
    try (OutputStream out = Files.newOutputStream(actionXml)) {
      conf.writeXml(out);
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("action.xml", actionXml.toString());
    libJars(context, files);
    for (String link : workDirFiles) {
      files.put(link, context.workDir().resolve(link).toString());
    }
    String launcherJar = launcherJar();
    Map<String, String> shared = launcherJar == null ? Map.of() : Map.of(LAUNCHER_JAR, launcherJar);
    FileSystem fs = FileSystem.get(conf);
    String staging = fs.makeQualified(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".hk-launcher/"
        + context.runId() + "/" + context.node() + "-" + context.attempt())).toString();
    LaunchRequest request = new LaunchRequest("hk:" + type + ":" + context.runId() + ":" + context.node(), tag,
        conf.get(YarnLauncher.QUEUE, conf.get("mapreduce.job.queuename")), command, files, shared, env, staging);
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
      boolean out = launcher.fetch(result.resultDir(), "stdout", context.workDir().resolve("stdout"));
      boolean err = launcher.fetch(result.resultDir(), "stderr", stderr);
      if (!out) {
        Files.writeString(context.workDir().resolve("stdout"), "");
      }
      // bin/workflow log shows where the launcher ran and where its full logs are
      String header = "launcher " + id + (tracking.get() == null ? "" : " " + tracking.get())
          + " (all logs: bin/yarn logs -applicationId " + id + ")\n";
      Files.writeString(stderr, header + (err ? Files.readString(stderr) : ""));
      launcher.fetch(result.resultDir(), "output.properties", context.workDir().resolve("output.properties"));
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

  /** The jar holding this class, or null when it runs from a classes directory (tests: on the cluster's path). */
  private static String launcherJar() {
    try {
      Path location = Path.of(LaunchedAction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(location) ? location.toString() : null;
    } catch (java.net.URISyntaxException e) {
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
