package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapred.JobConf;

/**
 * The map-reduce action's driver run outside the engine's JVM, in a launcher: in a YARN launcher container (as
 * Oozie's LauncherAM), or, when the action names its own main class, in a child JVM or a YARN container. The launcher
 * submits the job and follows it; this class starts the launcher and reads the result file it leaves. Kept apart from
 * {@link MapReduceActionExecutor}, which builds the job and chooses where its driver runs.
 */
final class MapReduceDriverLauncher {

  private MapReduceDriverLauncher() {
  }

  /**
   * The driver in a YARN launcher container (as Oozie's LauncherAM with MapReduceMain): the finished JobConf goes as
   * action.xml, {@code <file>}s and {@code <archive>}s by their cluster paths, the app's lib/ jars with the launcher
   * (MapReduceLauncherMain ships them as tmpjars); the job carries the action's tag, so a kill kills it.
   */
  static ActionOutcome onYarn(JobConf job, ActionBody.Streaming streaming, ActionContext context)
      throws java.io.IOException, InterruptedException {
    MapReduceJobFiles.shipToCluster(job, streaming == null, context, false);
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
  static ActionOutcome customMain(JobConf job, String mainClass, ActionBody.Streaming streaming,
      boolean local, ActionContext context) throws java.io.IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    boolean yarn = dev.hadoopkit.workflow.launcher.LauncherMode.of(context.conf(), context.workflowConf())
        == dev.hadoopkit.workflow.launcher.LauncherMode.YARN && !local;
    Path resultFile = context.workDir().resolve(dev.hadoopkit.workflow.launcher.LauncherAM.ACTION_RESULT_FILE);
    Files.createDirectories(context.workDir());
    Files.deleteIfExists(resultFile);
    Integer exit;
    if (yarn) {
      MapReduceJobFiles.shipToCluster(job, streaming == null, context, false);
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
      List<Path> fileJars = FileLocalizer.localize(MapReduceJobFiles.hadoop(context), context).stream()
          .filter(link -> link.endsWith(".jar")).map(link -> context.workDir().resolve(link)).toList();
      if (!local) {
        MapReduceJobFiles.shipToCluster(job, streaming == null, context, false);
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
}
