package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.mapred.JobClient;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RunningJob;

/**
 * The map-reduce action: a job built from the action's configuration (old API {@code mapred.mapper.class}, or the new
 * API with {@code mapred.mapper.new-api=true} / {@code mapreduce.job.map.class}), submitted with Hadoop's
 * {@link JobClient} to the LocalJobRunner or the cluster. The job id is the action's external id; its counters are
 * kept for {@code hadoop:counters}.
 */
final class MapReduceActionExecutor implements ActionExecutor {
  /** Oozie's name for the group of record counters ({@code ${RECORDS}}). */
  static final String RECORDS_GROUP = "org.apache.hadoop.mapred.Task$Counter";
  private static final String TASK_COUNTER_GROUP = "org.apache.hadoop.mapreduce.TaskCounter";

  @Override
  public String type() {
    return "map-reduce";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws Exception {
    ActionBody.MapReduce body = context.body(ActionBody.MapReduce.class);
    if (body.pipes()) {
      return ActionOutcome.error("E0723", "map-reduce <pipes> is not supported by this engine (node ["
          + context.node() + "]); use <streaming> with the program as <mapper>/<reducer>, or a shell action");
    }
    JobConf job = new JobConf(context.conf());
    ActionBody.Streaming streaming = body.streaming();
    if (streaming != null) {
      String problem = StreamingSetup.configure(job, body, context);
      if (problem != null) {
        return ActionOutcome.error("STREAMING", problem);
      }
    }
    if (job.getBoolean("mapred.mapper.new-api", false) || job.get("mapreduce.job.map.class") != null) {
      job.setUseNewMapper(true);
    }
    if (job.getBoolean("mapred.reducer.new-api", false) || job.get("mapreduce.job.reduce.class") != null) {
      job.setUseNewReducer(true);
    }
    if (job.getJobName() == null || job.getJobName().isEmpty()) {
      job.setJobName("oozie:action:T=map-reduce:W=" + context.runId() + ":A=" + context.node());
    }
    boolean local = "local".equals(job.get("mapreduce.framework.name", "local"));
    String customMain = job.getTrimmed(CustomMainLauncher.MAIN_CLASS);
    if (customMain != null && !customMain.isEmpty()) {
      return withCustomMain(job, customMain, streaming, local, context);
    }
    if (!local && dev.hadoopkit.workflow.launcher.LauncherMode.of(context.conf(), context.workflowConf())
        == dev.hadoopkit.workflow.launcher.LauncherMode.YARN) {
      return onYarn(job, streaming, context);
    }
    URLClassLoader appClasses = null;
    if (local) {
      appClasses = localClassLoader(streaming == null ? appClassPath(context) : libJarPaths(context));
      job.setClassLoader(appClasses);
      LocalJobFailures.install();
    } else {
      shipToCluster(job, streaming == null, context, true);
    }
    JobClient client = new JobClient(job);
    try {
      RunningJob running = reattach(client, context.previousExternalId());
      if (running == null) {
        if (context.cancellation().isCancelled()) {
          return ActionOutcome.error("KILLED", "the workflow ended before the job of node [" + context.node()
              + "] was submitted; nothing was submitted");
        }
        // The LocalJobRunner builds its task configuration in the submitting thread, and that configuration loads
        // the mapper and reducer through this thread's context class loader: the app's classes must be on it.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (appClasses != null) {
          thread.setContextClassLoader(appClasses);
        }
        try {
          running = client.submitJob(job);
        } finally {
          thread.setContextClassLoader(previous);
        }
      }
      // the kill hook first: a kill that came while the job was being submitted stops it at once
      RunningJob submitted = running;
      context.cancellation().onCancel(() -> kill(submitted));
      context.externalId().accept(running.getID().toString());
      try {
        while (!running.isComplete()) {
          if (context.cancellation().isCancelled()) {
            return ActionOutcome.error("KILLED", "MapReduce job " + running.getID() + " killed with the workflow");
          }
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        kill(running);
        throw e;
      }
      Map<String, Map<String, Long>> counters = counters(running.getCounters());
      if (running.isSuccessful()) {
        return ActionOutcome.ok().withCounters(counters);
      }
      String reason = streaming != null && StreamingSetup.localFailure(job) != null
          ? StreamingSetup.localFailure(job) : failureInfo(running, local);
      return ActionOutcome.error("JA018", "MapReduce job " + running.getID() + " ended "
          + org.apache.hadoop.mapred.JobStatus.getJobRunState(running.getJobState())
          + (reason == null || reason.isEmpty() ? "" : ": " + reason)).withCounters(counters);
    } finally {
      client.close();
      if (appClasses != null) {
        appClasses.close();
      }
    }
  }

  /**
   * The driver in a YARN launcher container (as Oozie's LauncherAM with MapReduceMain): the finished JobConf goes as
   * action.xml, {@code <file>}s and {@code <archive>}s by their cluster paths, the app's lib/ jars with the launcher
   * (MapReduceLauncherMain ships them as tmpjars); the job carries the action's tag, so a kill kills it.
   */
  private static ActionOutcome onYarn(JobConf job, ActionBody.Streaming streaming, ActionContext context)
      throws java.io.IOException, InterruptedException {
    shipToCluster(job, streaming == null, context, false);
    List<String> command = List.of(dev.hadoopkit.workflow.launcher.LauncherAM.JAVA_PLACEHOLDER,
        dev.hadoopkit.workflow.launcher.InLauncherJobProvider.driverHeap(job, context.workflowConf()),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dhadoop.root.logger=" + System.getProperty("hadoop.root.logger", "INFO,console"), "-cp",
        dev.hadoopkit.workflow.launcher.LauncherAM.CLASSPATH_PLACEHOLDER, MapReduceLauncherMain.class.getName());
    LaunchedAction.Ended ended = LaunchedAction.run(context, job, command, List.of(), Map.of(), "map-reduce",
        Map.of(), List.of());
    if (ended.failure() != null) {
      return ended.failure();
    }
    ActionResultFile result = ActionResultFile.read(context.workDir().resolve(
        dev.hadoopkit.workflow.launcher.LauncherAM.ACTION_RESULT_FILE));
    if (context.cancellation().isCancelled()) {
      return ActionOutcome.error("KILLED", "the launcher " + context.node() + " and its MapReduce job were killed"
          + " with the workflow");
    }
    if (result == null) {
      return ActionOutcome.error("JA018", "the map-reduce launcher exited " + ended.exit() + " before its job ended: "
          + ProcessSupport.tail(context.workDir().resolve("stderr"), 600));
    }
    if (result.exit() == 0) {
      return ActionOutcome.ok().withCounters(result.counters());
    }
    return ActionOutcome.error("JA018", result.error()).withCounters(result.counters());
  }

  /**
   * The action names its own driver main ({@value CustomMainLauncher#MAIN_CLASS}, e.g. a subclass of Oozie's
   * MapReduceMain): {@link CustomMainLauncher} runs it in the launcher (a child JVM, or a YARN launcher container),
   * with the app's lib/ and the system libpath's jars on its class path and the finished JobConf as its action
   * configuration, and follows the job the main submitted to its end.
   */
  private static ActionOutcome withCustomMain(JobConf job, String mainClass, ActionBody.Streaming streaming,
      boolean local, ActionContext context) throws java.io.IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    boolean yarn = dev.hadoopkit.workflow.launcher.LauncherMode.of(context.conf(), context.workflowConf())
        == dev.hadoopkit.workflow.launcher.LauncherMode.YARN && !local;
    Path resultFile = context.workDir().resolve(dev.hadoopkit.workflow.launcher.LauncherAM.ACTION_RESULT_FILE);
    Files.createDirectories(context.workDir());
    Files.deleteIfExists(resultFile);
    Integer exit;
    if (yarn) {
      shipToCluster(job, streaming == null, context, false);
      command.addAll(List.of(dev.hadoopkit.workflow.launcher.LauncherAM.JAVA_PLACEHOLDER,
        dev.hadoopkit.workflow.launcher.InLauncherJobProvider.driverHeap(job, context.workflowConf()),
          "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-Dhadoop.root.logger=" + System.getProperty("hadoop.root.logger", "INFO,console"),
          "-D" + CustomMainLauncher.JOB_ID + "=" + context.runId(),
          "-D" + CustomMainLauncher.ACTION_ID + "=" + context.runId() + "@" + context.node(), "-cp",
          dev.hadoopkit.workflow.launcher.LauncherAM.CLASSPATH_PLACEHOLDER, CustomMainLauncher.class.getName(),
          mainClass));
      LaunchedAction.Ended ended = LaunchedAction.run(context, job, command, List.of(), Map.of(), "map-reduce",
          Map.of(), List.of());
      if (ended.failure() != null) {
        return ended.failure();
      }
      exit = ended.exit();
    } else {
      List<Path> fileJars = FileLocalizer.localize(hadoop(context), context).stream()
          .filter(link -> link.endsWith(".jar")).map(link -> context.workDir().resolve(link)).toList();
      if (!local) {
        shipToCluster(job, streaming == null, context, false);
        job.set(LaunchedAction.LIB_JARS, String.join(",", context.libJars()));
      }
      try (java.io.OutputStream out = Files.newOutputStream(context.workDir().resolve("action.xml"))) {
        job.writeXml(out);
      }
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Dhadoop.root.logger=" + System.getProperty("hadoop.root.logger", "WARN,console"));
      String log4j = System.getProperty("log4j.configuration");
      if (log4j != null) {
        command.add("-Dlog4j.configuration=" + log4j);
      }
      command.add("-D" + CustomMainLauncher.JOB_ID + "=" + context.runId());
      command.add("-D" + CustomMainLauncher.ACTION_ID + "=" + context.runId() + "@" + context.node());
      command.add("-cp");
      command.add(JavaActionExecutor.classpath(context, fileJars));
      command.add(CustomMainLauncher.class.getName());
      command.add(mainClass);
      Process process = ProcessSupport.start(new ProcessBuilder(command).directory(context.workDir().toFile()),
          context);
      exit = ProcessSupport.waitFor(process, context);
    }
    ActionResultFile result = ActionResultFile.read(resultFile);
    if (result != null && !result.jobs().isEmpty()) {
      context.externalId().accept(result.jobs());
    }
    if (context.cancellation().isCancelled()) {
      return ActionOutcome.error("KILLED", "the launcher of " + context.node() + " (main class " + mainClass
          + ") and its MapReduce job were killed with the workflow");
    }
    if (result == null) {
      return ActionOutcome.error(String.valueOf(exit), "Main class [" + mainClass + "], exit code [" + exit + "]: "
          + ProcessSupport.tail(context.workDir().resolve("stderr"), 600));
    }
    if (result.exit() == 0) {
      return ActionOutcome.ok().withCounters(result.counters());
    }
    return ActionOutcome.error("JA018", result.error()).withCounters(result.counters());
  }

  /** The action's {@code <file>}s, {@code <archive>}s and the rest it shares with the other Hadoop actions. */
  private static ActionBody.Hadoop hadoop(ActionContext context) {
    return context.body(ActionBody.MapReduce.class).hadoop();
  }

  private static List<Path> libJarPaths(ActionContext context) {
    return context.libJars().stream().map(Path::of).toList();
  }

  /**
   * Local mode: what the tasks load classes from, as Oozie puts them on a map-reduce job's classpath — the app's
   * {@code lib/*.jar}, the {@code .jar}s among the {@code <file>}s and the unpacked {@code <archive>}s (the
   * directory and the jars at its top), copied into the action's directory.
   */
  private static List<Path> appClassPath(ActionContext context) throws java.io.IOException {
    List<Path> entries = new ArrayList<>(libJarPaths(context));
    for (String link : FileLocalizer.localize(hadoop(context), context)) {
      if (link.endsWith(".jar")) {
        entries.add(context.workDir().resolve(link));
      }
    }
    for (String link : FileLocalizer.localizeArchives(hadoop(context), context)) {
      Path dir = context.workDir().resolve(link);
      entries.add(dir);
      try (var files = Files.list(dir)) {
        files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
      }
    }
    return entries;
  }

  private URLClassLoader localClassLoader(List<Path> entries) throws java.io.IOException {
    List<URL> urls = new ArrayList<>();
    for (Path entry : entries) {
      urls.add(entry.toUri().toURL());
    }
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    return new URLClassLoader(urls.toArray(new URL[0]), parent != null ? parent : getClass().getClassLoader());
  }

  /**
   * On a cluster: the app's lib jars go as {@code tmpjars} (uploaded with the job); {@code <file>} jars and
   * {@code <archive>} jars/zips go on the task classpath through the distributed cache, other files and archives to
   * the cache under their link names. Streaming ships its own {@code <file>}s.
   */
  private static void shipToCluster(JobConf job, boolean withFiles, ActionContext context, boolean libJars)
      throws java.io.IOException {
    if (libJars && !context.libJars().isEmpty()) {
      List<String> uris = new ArrayList<>();
      for (String jar : context.libJars()) {
        uris.add(new File(jar).toURI().toString());
      }
      String existing = job.get("tmpjars");
      job.set("tmpjars", (existing == null || existing.isEmpty() ? "" : existing + ",") + String.join(",", uris));
    }
    if (!withFiles) {
      return;
    }
    for (FileLocalizer.Entry entry : FileLocalizer.entries(hadoop(context).files(), context.appPath())) {
      org.apache.hadoop.fs.Path path = entry.source().getFileSystem(job).makeQualified(entry.source());
      if (entry.link().endsWith(".jar")) {
        org.apache.hadoop.mapreduce.filecache.DistributedCache.addFileToClassPath(path, job, path.getFileSystem(job));
      } else {
        org.apache.hadoop.mapreduce.Job.addCacheFile(withFragment(path, entry.link()), job);
      }
    }
    for (FileLocalizer.Entry entry : FileLocalizer.entries(hadoop(context).archives(), context.appPath())) {
      org.apache.hadoop.fs.Path path = entry.source().getFileSystem(job).makeQualified(entry.source());
      String name = path.getName().toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".jar") || name.endsWith(".zip")) {
        org.apache.hadoop.mapreduce.filecache.DistributedCache.addArchiveToClassPath(path, job,
            path.getFileSystem(job));
      } else {
        org.apache.hadoop.mapreduce.Job.addCacheArchive(withFragment(path, entry.link()), job);
      }
    }
  }

  private static java.net.URI withFragment(org.apache.hadoop.fs.Path path, String link) throws java.io.IOException {
    java.net.URI uri = path.toUri();
    try {
      return new java.net.URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, link);
    } catch (java.net.URISyntaxException e) {
      throw new java.io.IOException("Invalid <file>/<archive> " + path + ": " + e.getMessage(), e);
    }
  }

  private static void kill(RunningJob job) {
    try {
      if (!job.isComplete()) {
        job.killJob();
      }
    } catch (java.io.IOException ignored) {
      // the job may be gone already
    }
  }

  /**
   * After an engine crash: the cluster job this action had submitted, when the cluster still knows it and it has not
   * failed. LocalJobRunner jobs died with the engine's JVM and are submitted again.
   */
  private static RunningJob reattach(JobClient client, String previousId) {
    if (previousId == null || !previousId.startsWith("job_") || previousId.startsWith("job_local")) {
      return null;
    }
    try {
      RunningJob job = client.getJob(org.apache.hadoop.mapred.JobID.forName(previousId));
      if (job == null) {
        return null;
      }
      int state = job.getJobState();
      return state == org.apache.hadoop.mapred.JobStatus.FAILED || state == org.apache.hadoop.mapred.JobStatus.KILLED
          ? null : job;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Why the job failed: the failed task's own error first (the LocalJobRunner's logged exception, a cluster task
   * attempt's diagnostics), else the job's failure info.
   */
  static String failureInfo(RunningJob running, boolean local) throws java.io.IOException,
      InterruptedException {
    String jobId = running.getID().toString();
    if (local) {
      Throwable failure = LocalJobFailures.take(jobId, 2000);
      if (failure != null) {
        return "task failed: " + LocalJobFailures.describe(failure);
      }
    }
    for (org.apache.hadoop.mapred.TaskCompletionEvent event : running.getTaskCompletionEvents(0)) {
      if (event.getTaskStatus() == org.apache.hadoop.mapred.TaskCompletionEvent.Status.FAILED) {
        String[] diagnostics = running.getTaskDiagnostics(event.getTaskAttemptId());
        if (diagnostics != null && diagnostics.length > 0 && !diagnostics[0].isBlank()) {
          return "task " + event.getTaskAttemptId() + " failed: "
              + diagnostics[0].strip().lines().findFirst().orElse("");
        }
      }
    }
    String info = running.getFailureInfo();
    if (info != null && !info.isBlank() && !"NA".equals(info.trim())) {
      return info;
    }
    return local ? "the task's error is in the engine's log (LocalJobRunner, job " + jobId + ")" : null;
  }

  /** Counters by group and name, with Oozie's RECORDS group (a copy of the task counters) added. */
  static Map<String, Map<String, Long>> counters(
      org.apache.hadoop.mapreduce.counters.AbstractCounters<?, ?> counters) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    if (counters == null) {
      return out;
    }
    for (org.apache.hadoop.mapreduce.counters.CounterGroupBase<?> group : counters) {
      Map<String, Long> values = new TreeMap<>();
      for (org.apache.hadoop.mapreduce.Counter counter : group) {
        values.put(counter.getName(), counter.getValue());
      }
      out.put(group.getName(), values);
      if (TASK_COUNTER_GROUP.equals(group.getName())) {
        out.put(RECORDS_GROUP, new LinkedHashMap<>(values));
      }
    }
    return out;
  }
}
