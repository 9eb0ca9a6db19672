package dev.hadoopkit.workflow.action;

import dev.hadoopkit.ingest.EmbeddedIngest;
import dev.hadoopkit.ingest.JobListener;
import dev.hadoopkit.workflow.definition.ActionBody;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/**
 * The sqoop action: the {@code <command>} (split on whitespace, no quoting, as Oozie does) or the {@code <arg>} list
 * runs in the engine's JVM through this project's ingest module ({@link EmbeddedIngest}), with the action's Hadoop
 * configuration (name-node, job-tracker, global, job-xml, configuration), so its map-only jobs go to the
 * LocalJobRunner or the cluster like any other action's. The job ids are the external id (comma-separated when a tool
 * runs several jobs, e.g. import-all-tables); the counters of all jobs, summed, are kept for {@code hadoop:counters}.
 * A failure ends the action in error with ingest's one-line message. Passwords ({@code --password} values and
 * {@code password=} in the JDBC URL) are masked in every message and in the action's stdout/stderr files.
 */
final class SqoopActionExecutor implements ActionExecutor {
  static final String MASK = "********";
  /** Options whose value names a local file: resolved against the action's work dir (where {@code <file>}s land). */
  private static final Set<String> FILE_OPTIONS = Set.of("--options-file", "--password-file",
      "--connection-param-file");

  @Override
  public String type() {
    return "sqoop";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws Exception {
    ActionBody.Sqoop body = context.body(ActionBody.Sqoop.class);
    List<String> args = arguments(body);
    List<String> secrets = secrets(args);
    if (args.isEmpty()) {
      return ActionOutcome.error("SQOOP_USAGE", "node [" + context.node() + "]: the sqoop action has an empty"
          + " <command>; write the Sqoop command line without 'sqoop', e.g. import --connect jdbc:mysql://host/db"
          + " --table t");
    }
    if (args.contains("-P")) {
      return ActionOutcome.error("SQOOP_USAGE", "node [" + context.node() + "]: -P cannot prompt for a password"
          + " inside a workflow; use --password-file (a <file> or a Hadoop path) or --password-alias");
    }
    List<String> links = FileLocalizer.localize(body.hadoop(), context);
    if ("yarn".equals(context.conf().get("mapreduce.framework.name"))
        && dev.hadoopkit.workflow.launcher.LauncherMode.of(context.conf(), context.workflowConf())
        == dev.hadoopkit.workflow.launcher.LauncherMode.YARN) {
      return onYarn(context, args, secrets, links);
    }
    args = localFiles(args, context.workDir());

    Configuration conf = new Configuration(context.conf());
    killStillRunning(context.previousExternalId(), conf);

    List<String> ids = new ArrayList<>();
    JobListener listener = new JobListener() {
      @Override
      public void submitted(Job job) {
        String id;
        synchronized (ids) {
          ids.add(job.getJobID().toString());
          id = String.join(",", ids);
        }
        context.externalId().accept(id);
        context.cancellation().onCancel(() -> {
          try {
            job.killJob();
          } catch (IOException ignored) {
            // the job may be gone already
          }
        });
      }
    };
    Files.createDirectories(context.workDir());
    EmbeddedIngest.Result result;
    try (PrintStream out = maskingStream(context.workDir().resolve("stdout"), secrets);
        PrintStream err = maskingStream(context.workDir().resolve("stderr"), secrets)) {
      err.println("INFO  sqoop " + String.join(" ", mask(args, secrets)));
      result = EmbeddedIngest.builder().output(out).errors(err).listener(listener).build().run(args, conf);
    }
    Map<String, Map<String, Long>> counters = sum(result.jobs());
    if (result.succeeded()) {
      return ActionOutcome.ok().withCounters(counters);
    }
    if (context.cancellation().isCancelled()) {
      return ActionOutcome.error("KILLED", "sqoop " + tool(args) + " was killed");
    }
    String message = result.errorMessage() == null ? "see the action's stderr" : result.errorMessage();
    return ActionOutcome.error(result.exitCode() == 2 ? "SQOOP_USAGE" : "JA018",
        mask("sqoop " + tool(args) + " failed (exit " + result.exitCode() + "): " + message, secrets))
        .withCounters(counters);
  }

  /** In a launcher's arguments, where the i-th secret stands; its value is the container credential of that alias. */
  static String placeholder(int i) {
    return "@HK_SQOOP_SECRET_" + i + "@";
  }

  static org.apache.hadoop.io.Text secretAlias(int i) {
    return new org.apache.hadoop.io.Text("hk.workflow.sqoop.secret." + i);
  }

  /** Classes whose jars a sqoop launcher needs besides the engine's and the cluster's Hadoop. */
  private static final List<String> LAUNCHER_CLASSES = List.of("dev.hadoopkit.ingest.EmbeddedIngest",
      "dev.hadoopkit.formats.io.Codec", "org.apache.commons.cli.Options", "org.mariadb.jdbc.Driver",
      "org.postgresql.Driver");

  /**
   * The command in a YARN launcher container (SqoopLauncherMain), so its JDBC reads happen on the cluster: every
   * password of the arguments is replaced by a placeholder and travels as a secret of the container's credentials
   * (never in the staged files, action.xml or the launch command); the jobs it submits carry the action's tag.
   */
  private static ActionOutcome onYarn(ActionContext context, List<String> args, List<String> secrets,
      List<String> links) throws IOException, InterruptedException {
    Map<String, String> credentials = new java.util.LinkedHashMap<>();
    List<String> hidden = new ArrayList<>();
    for (String arg : args) {
      String value = arg;
      for (int i = 0; i < secrets.size(); i++) {
        value = value.replace(secrets.get(i), placeholder(i));
      }
      hidden.add(value);
    }
    for (int i = 0; i < secrets.size(); i++) {
      credentials.put(secretAlias(i).toString(), secrets.get(i));
    }
    List<String> command = new ArrayList<>(List.of(dev.hadoopkit.workflow.launcher.LauncherAM.JAVA_PLACEHOLDER,
        dev.hadoopkit.workflow.launcher.InLauncherJobProvider.driverHeap(context.conf(), context.workflowConf()),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dhadoop.root.logger=" + System.getProperty("hadoop.root.logger", "INFO,console"), "-cp",
        dev.hadoopkit.workflow.launcher.LauncherAM.CLASSPATH_PLACEHOLDER, SqoopLauncherMain.class.getName()));
    command.addAll(hidden);
    LaunchedAction.Ended ended = LaunchedAction.run(context, context.conf(), command, links, Map.of(), "sqoop",
        credentials, LAUNCHER_CLASSES);
    for (String log : List.of("stdout", "stderr")) {
      java.nio.file.Path file = context.workDir().resolve(log);
      if (Files.isRegularFile(file)) { // belt and braces: ingest never prints a password
        Files.writeString(file, mask(Files.readString(file), secrets));
      }
    }
    if (ended.failure() != null) {
      return ended.failure();
    }
    ActionResultFile result = ActionResultFile.read(context.workDir().resolve(
        dev.hadoopkit.workflow.launcher.LauncherAM.ACTION_RESULT_FILE));
    if (context.cancellation().isCancelled()) {
      return ActionOutcome.error("KILLED", "sqoop " + tool(args) + " was killed");
    }
    if (result == null) {
      return ActionOutcome.error("JA018", "the sqoop launcher exited " + ended.exit() + " before ingest ended: "
          + mask(ProcessSupport.tail(context.workDir().resolve("stderr"), 600), secrets));
    }
    if (result.exit() == 0) {
      return ActionOutcome.ok().withCounters(result.counters());
    }
    String message = result.error() == null ? "see the action's stderr" : result.error();
    return ActionOutcome.error(result.exit() == 2 ? "SQOOP_USAGE" : "JA018",
        mask("sqoop " + tool(args) + " failed (exit " + result.exit() + "): " + message, secrets))
        .withCounters(result.counters());
  }

  /**
   * An export inserts rows: one interrupted half-way and run again inserts those rows twice. Safe are a staged export
   * ({@code --staging-table}: the rows reach the table in one transaction at the end) and an update export
   * ({@code --update-key}: UPDATEs, or upserts with allowinsert, give the same table when repeated).
   */
  @Override
  public java.util.Optional<String> notIdempotent(ActionBody body) {
    if (!(body instanceof ActionBody.Sqoop sqoop)) {
      return java.util.Optional.empty();
    }
    List<String> args = arguments(sqoop);
    int at = 0;
    while (at + 1 < args.size() && args.get(at).equals("-D")) {
      at += 2; // generic options before the tool name
    }
    if (at >= args.size() || !args.get(at).equals("export")) {
      return java.util.Optional.empty();
    }
    String table = null;
    for (int i = at; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--staging-table") || arg.startsWith("--staging-table=") || arg.equals("--update-key")
          || arg.startsWith("--update-key=")) {
        return java.util.Optional.empty();
      }
      if (arg.equals("--table") && i + 1 < args.size()) {
        table = args.get(i + 1);
      } else if (arg.startsWith("--table=")) {
        table = arg.substring("--table=".length());
      }
    }
    return java.util.Optional.of("sqoop export" + (table == null ? "" : " into table " + table)
        + " without --staging-table");
  }

  /** The command line: {@code <command>} split on whitespace, or the {@code <arg>}s verbatim. */
  static List<String> arguments(ActionBody.Sqoop body) {
    String command = body.command();
    if (command != null) {
      String trimmed = command.trim();
      return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
    return new ArrayList<>(body.args());
  }

  /** The values to hide: {@code --password X}, {@code --password=X}, and {@code password=X} inside a JDBC URL. */
  static List<String> secrets(List<String> args) {
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--password") && i + 1 < args.size()) {
        secrets.add(args.get(i + 1));
      } else if (arg.startsWith("--password=")) {
        secrets.add(arg.substring("--password=".length()));
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)[?&;:]password=([^&;]*)").matcher(arg);
      while (m.find()) {
        secrets.add(m.group(1));
      }
    }
    secrets.removeIf(String::isEmpty);
    secrets.sort((a, b) -> b.length() - a.length()); // a longer secret first, so a shorter one inside it still masks
    return secrets;
  }

  static String mask(String text, List<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  static List<String> mask(List<String> args, List<String> secrets) {
    return args.stream().map(a -> mask(a, secrets)).toList();
  }

  private static String tool(List<String> args) {
    return args.isEmpty() ? "" : args.get(0);
  }

  /** Relative file options point into the action's work dir when the file was localized there. */
  static List<String> localFiles(List<String> args, java.nio.file.Path workDir) {
    List<String> out = new ArrayList<>(args);
    for (int i = 0; i + 1 < out.size(); i++) {
      if (FILE_OPTIONS.contains(out.get(i))) {
        String value = out.get(i + 1);
        java.nio.file.Path local = workDir.resolve(value).toAbsolutePath();
        if (!value.startsWith("/") && !value.contains(":") && Files.isRegularFile(local)) {
          // --password-file is read through Hadoop's FileSystem (the default may be HDFS): name the local one
          out.set(i + 1, out.get(i).equals("--password-file") ? local.toUri().toString() : local.toString());
        }
      }
    }
    return out;
  }

  /**
   * On resume: a cluster job the previous engine started may still run (an export would insert its rows twice once
   * the action runs again), so it is killed first. LocalJobRunner jobs died with that engine.
   */
  private static void killStillRunning(String previous, Configuration conf) {
    if (previous == null) {
      return;
    }
    for (String id : previous.split(",")) {
      if (!id.startsWith("job_") || id.startsWith("job_local")) {
        continue;
      }
      try {
        org.apache.hadoop.mapreduce.Cluster cluster = new org.apache.hadoop.mapreduce.Cluster(conf);
        try {
          Job job = cluster.getJob(org.apache.hadoop.mapreduce.JobID.forName(id));
          if (job != null && !job.isComplete()) {
            job.killJob();
          }
        } finally {
          cluster.close();
        }
      } catch (IOException | InterruptedException | IllegalArgumentException e) {
        // the cluster no longer knows the job: nothing to stop
      }
    }
  }

  /** Counters of all jobs, summed by group and name, with Oozie's RECORDS group (a copy of the task counters). */
  static Map<String, Map<String, Long>> sum(List<EmbeddedIngest.JobReport> jobs) {
    Map<String, Map<String, Long>> total = new TreeMap<>();
    for (EmbeddedIngest.JobReport job : jobs) {
      job.counters().forEach((group, values) -> {
        Map<String, Long> into = total.computeIfAbsent(group, g -> new TreeMap<>());
        values.forEach((name, value) -> into.merge(name, value, Long::sum));
      });
    }
    Map<String, Long> task = total.get("org.apache.hadoop.mapreduce.TaskCounter");
    if (task != null) {
      total.put(MapReduceJobResults.RECORDS_GROUP, new TreeMap<>(task));
    }
    return total;
  }

  /** A stream to a file that masks secrets line by line (ingest's own messages never hold a password; belt and braces). */
  private static PrintStream maskingStream(java.nio.file.Path file, List<String> secrets) throws IOException {
    OutputStream target = Files.newOutputStream(file);
    OutputStream masking = new OutputStream() {
      private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
          flushLine();
        }
      }

      private void flushLine() throws IOException {
        target.write(mask(line.toString(StandardCharsets.UTF_8), secrets).getBytes(StandardCharsets.UTF_8));
        line.reset();
        target.flush();
      }

      @Override
      public synchronized void close() throws IOException {
        flushLine();
        target.close();
      }
    };
    return new PrintStream(masking, true, StandardCharsets.UTF_8);
  }
}
