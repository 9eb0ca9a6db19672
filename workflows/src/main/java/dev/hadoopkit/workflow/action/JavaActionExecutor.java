package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.hadoopkit.workflow.launcher.LauncherMode;

/**
 * The java action: runs {@code <main-class>} in a child JVM with the app's {@code lib/*.jar} and the Hadoop client on
 * the classpath, so {@code System.exit(n)} in the main ends the action (0 ok, else error) and never the engine. The
 * action configuration is visible to {@code new Configuration()} in the child (as {@code action.xml}); with
 * {@code <capture-output/>} the main writes properties to the file named by system property
 * {@code oozie.action.output.properties}. {@code org.apache.hadoop.util.RunJar <jar> <class> …} works as a main.
 */
final class JavaActionExecutor implements ActionExecutor {
  static final String LAUNCHER = "dev.hadoopkit.workflow.action.JavaActionLauncher";

  @Override
  public String type() {
    return "java";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws IOException, InterruptedException {
    ActionBody.Java body = context.body(ActionBody.Java.class);
    if (LauncherMode.of(context.conf(), context.workflowConf()) == LauncherMode.YARN) {
      return onYarn(context, body);
    }
    List<Path> fileJars = FileLocalizer.localize(body.hadoop(), context).stream()
        .filter(link -> link.endsWith(".jar")).map(link -> context.workDir().resolve(link)).toList();
    Path actionConf = writeActionConf(context);
    Path output = context.workDir().resolve("output.properties");
    Files.deleteIfExists(output);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    javaOpts(body, command);
    command.add("-Doozie.action.conf.xml=" + actionConf);
    command.add("-Doozie.action.output.properties=" + output);
    command.add("-Dhadoop.root.logger=" + System.getProperty("hadoop.root.logger", "WARN,console"));
    String log4j = System.getProperty("log4j.configuration");
    if (log4j != null) {
      command.add("-Dlog4j.configuration=" + log4j);
    }
    command.add("-cp");
    command.add(classpath(context, fileJars));
    command.add(LAUNCHER);
    command.add(body.mainClass());
    command.addAll(body.args());
    ProcessBuilder builder = new ProcessBuilder(command).directory(context.workDir().toFile());
    Process process = ProcessSupport.start(builder, context);
    return outcome(context, body, ProcessSupport.waitFor(process, context), output);
  }

  /** {@code <java-opts>} split on whitespace, then the {@code <java-opt>}s, as JVM options of the command. */
  private static void javaOpts(ActionBody.Java body, List<String> command) {
    String javaOpts = body.javaOpts();
    if (javaOpts != null && !javaOpts.isBlank()) {
      command.addAll(List.of(javaOpts.trim().split("\\s+")));
    }
    command.addAll(body.javaOpt());
  }

  /**
   * The same main in a YARN launcher container (LaunchedAction): the container's class path is its directory (action.xml
   * and the localized files), its jars (lib/, {@code <file>} jars, this engine's jar) and the cluster's Hadoop.
   */
  private static ActionOutcome onYarn(ActionContext context, ActionBody.Java body)
      throws IOException, InterruptedException {
    List<String> files = FileLocalizer.localize(body.hadoop(), context);
    Path output = context.workDir().resolve("output.properties");
    Files.deleteIfExists(output);
    List<String> command = new ArrayList<>();
    command.add(dev.hadoopkit.workflow.launcher.LauncherAM.JAVA_PLACEHOLDER);
    javaOpts(body, command);
    command.add("-Doozie.action.conf.xml=action.xml");
    command.add("-Doozie.action.output.properties=output.properties");
    command.add("-Dhadoop.root.logger=" + System.getProperty("hadoop.root.logger", "WARN,console"));
    command.add("-cp");
    command.add(dev.hadoopkit.workflow.launcher.LauncherAM.CLASSPATH_PLACEHOLDER);
    command.add(LAUNCHER);
    command.add(body.mainClass());
    command.addAll(body.args());
    LaunchedAction.Ended ended = LaunchedAction.run(context, command, files, Map.of(), "java");
    if (ended.failure() != null) {
      return ended.failure();
    }
    return outcome(context, body, ended.exit(), output);
  }

  /** The main's exit code (local child or launcher container) as the outcome; capture-output reads its file. */
  private static ActionOutcome outcome(ActionContext context, ActionBody.Java body, int exit, Path output) {
    if (exit != 0) {
      String stderr = ProcessSupport.tail(context.workDir().resolve("stderr"), 600);
      return ActionOutcome.error(String.valueOf(exit), "Main class [" + body.mainClass()
          + "], exit code [" + exit + "]" + (stderr.isEmpty() ? "" : "; stderr: " + stderr));
    }
    if (body.captureOutput()) {
      try {
        return ActionOutcome.ok(ProcessSupport.capture(output, context.captureOutputLimit()));
      } catch (ProcessSupport.CaptureException e) {
        return ActionOutcome.error(RunErrorCode.CAPTURE_OUTPUT, e.getMessage());
      }
    }
    return ActionOutcome.ok();
  }

  /**
   * Where the Hadoop client classpath for actions comes from: bin/workflow sets it to the Hadoop client jars alone
   * (what a cluster's {@code hadoop classpath} holds), so a java action sees Hadoop and its own jars but none of the
   * engine's libraries, as under Oozie's launcher. A job jar that shades its own copies (Avro, storage formats) would
   * otherwise get the engine's unshaded classes first. Unset (tests, embedded use): the engine's classpath.
   */
  public static final String ACTION_CLASSPATH_PROPERTY = "hk.workflow.action.classpath";

  /**
   * Work dir (holds action.xml and localized files) : app lib jars : {@code <file>} jars : the launcher : the Hadoop
   * client classpath.
   */
  static String classpath(ActionContext context, List<Path> fileJars) {
    List<String> entries = new ArrayList<>();
    entries.add(context.workDir().toString());
    entries.addAll(context.libJars());
    fileJars.forEach(jar -> entries.add(jar.toString()));
    String hadoop = System.getProperty(ACTION_CLASSPATH_PROPERTY);
    if (hadoop == null || hadoop.isBlank()) {
      entries.add(System.getProperty("java.class.path"));
    } else {
      entries.add(launcherLocation());
      entries.add(hadoop);
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The jar (or classes directory) holding {@link JavaActionLauncher}. */
  private static String launcherLocation() {
    try {
      return Path.of(JavaActionLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the workflow engine's jar", e);
    }
  }

  /** Writes the action's Hadoop configuration as {@code action.xml} in the work dir. */
  static Path writeActionConf(ActionContext context) throws IOException {
    Files.createDirectories(context.workDir());
    Path file = context.workDir().resolve("action.xml");
    try (OutputStream out = Files.newOutputStream(file)) {
      context.conf().writeXml(out);
    }
    return file;
  }
}
