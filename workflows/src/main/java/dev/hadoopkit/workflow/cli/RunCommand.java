package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.el.ElScope;
import dev.hadoopkit.workflow.engine.RunLogFormat;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.Secrets;
import java.util.List;
import java.util.Map;

/** {@code run -config job.properties [app-dir] [-D k=v] [-dryrun] | run --resume <id>}. */
final class RunCommand implements Command {
  public String name() {
    return "run";
  }

  public String description() {
    return "run a workflow app (streams node transitions; exit 0 only when it SUCCEEDED), or resume a run;"
        + " properties named *password*, *secret*, *token*, *credential* are shown as ********";
  }

  public String usage() {
    return "run -config job.properties [app-dir] [-D name=value ...] [-dryrun] [--pool N]"
        + " | run --resume <id> [--rerun-nonidempotent]";
  }

  public List<String> examples() {
    return List.of("bin/workflow run -config job.properties",
        "bin/workflow run -config job.properties -D inputDir=/data/in -D queueName=etl",
        "bin/workflow run -config job.properties -dryrun",
        "bin/workflow run -config job.properties -D dbPassword=s3cret   # masked in output, encrypted in the journal",
        "bin/workflow run --resume 0000003-261121203000123-hk-W",
        "bin/workflow run --resume 0000003-261121203000123-hk-W --rerun-nonidempotent   # an interrupted plain"
            + " export runs again: clean its table first");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("config", "dryrun", "resume", "pool", "quiet", "oozie", "run", "rerun-nonidempotent"));
    WorkflowEngine engine = in.engine();
    String resume = in.option("resume");
    String id;
    if (resume != null) {
      id = Invocation.checkRunId(resume);
      in.out().println("Resuming " + id);
    } else {
      Submission submission = prepare(in, engine);
      if (in.flag("dryrun")) {
        printPlan(submission, engine, in);
        return 0;
      }
      id = engine.submit(submission, null, (runId, r) -> { });
      in.out().println("job: " + id);
    }
    boolean rerunNotIdempotent = in.flag("rerun-nonidempotent");
    if (rerunNotIdempotent && resume == null) {
      throw new UsageException("--rerun-nonidempotent goes with --resume <id>");
    }
    return drive(in, engine, id, rerunNotIdempotent);
  }

  /** The checked submission of {@code -config job.properties [app-dir] [-D k=v]} (nothing recorded yet). */
  static Submission prepare(Invocation in, WorkflowEngine engine) throws Exception {
    Map<String, String> job = JobProperties.read(in.option("config"));
    String appPath = in.positional().isEmpty() ? null : in.positional().get(0);
    refuseScheduledApps(job, in.properties(), appPath);
    if (in.option("config") == null && appPath == null) {
      throw new UsageException("give -config job.properties (with oozie.wf.application.path) or an app dir");
    }
    if (appPath == null && !in.flag("dryrun")) {
      deployIfMissing(job, in);
    }
    return engine.prepare(job, in.properties(), appPath);
  }

  /** Drives run {@code id} here, streaming its transitions; exit 0 only when it SUCCEEDED. */
  static int drive(Invocation in, WorkflowEngine engine, String id, boolean rerunNotIdempotent) throws Exception {
    boolean quiet = in.flag("quiet");
    RunState state = engine.run(id, (runId, record) -> {
      if (!quiet) {
        in.out().println(RunLogFormat.line(runId, record));
        if (record instanceof JournalRecord.End end && end.status() == NodeStatus.OK) {
          printActionOutput(engine, runId, end.node(), in);
        }
      }
    }, rerunNotIdempotent);
    in.out().println("Workflow " + id + " " + state.info().status()
        + (state.info().statusMessage() == null ? "" : ": " + state.info().statusMessage()));
    return state.info().status().isSuccessful() ? 0 : 1;
  }

  /**
   * A coordinator's or bundle's job.properties (or app dir) given to {@code run}: say what it is and how to run it,
   * instead of asking for a workflow path it does not have.
   */
  private static void refuseScheduledApps(Map<String, String> job, Map<String, String> overrides, String appPath)
      throws UsageException {
    Map<String, String> all = new java.util.HashMap<>(job);
    all.putAll(overrides);
    String kind = null;
    if (appPath == null && all.get(dev.hadoopkit.workflow.engine.ConfigKeys.APP_PATH) == null) {
      if (all.containsKey(dev.hadoopkit.workflow.scheduler.SchedulerBackend.BUNDLE_APP_PATH)) {
        kind = "a bundle (oozie.bundle.application.path)";
      } else if (all.containsKey(dev.hadoopkit.workflow.scheduler.SchedulerBackend.COORD_APP_PATH)) {
        kind = "a coordinator (oozie.coord.application.path)";
      }
    } else if (appPath != null && !java.nio.file.Files.exists(java.nio.file.Path.of(appPath, "workflow.xml"))) {
      if (java.nio.file.Files.exists(java.nio.file.Path.of(appPath, "coordinator.xml"))) {
        kind = "a coordinator app (" + appPath + "/coordinator.xml)";
      } else if (java.nio.file.Files.exists(java.nio.file.Path.of(appPath, "bundle.xml"))) {
        kind = "a bundle app (" + appPath + "/bundle.xml)";
      }
    }
    if (kind != null) {
      throw new UsageException("this is " + kind + ", which the scheduler daemon runs, not 'run': start it with"
          + " 'bin/workflow serve', then 'bin/oozie job -config <job.properties> -run' (or '-dryrun' to see its"
          + " actions without a daemon)");
    }
  }

  /** Echoes what an action printed (its last attempt's stdout), so a pipeline's report reaches the console. */
  private static void printActionOutput(WorkflowEngine engine, String runId, String node, Invocation in) {
    java.nio.file.Path dir = engine.store().runDir(runId).resolve("actions").resolve(node);
    if (!java.nio.file.Files.isDirectory(dir)) {
      return;
    }
    try (var attempts = java.nio.file.Files.list(dir)) {
      var latest = attempts.max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified()));
      if (latest.isEmpty()) {
        return;
      }
      java.nio.file.Path stdout = latest.get().resolve("stdout");
      if (java.nio.file.Files.isRegularFile(stdout) && java.nio.file.Files.size(stdout) > 0) {
        Secrets secrets = Secrets.of(engine.store().load(runId).info().conf());
        List<String> lines = java.nio.file.Files.readAllLines(stdout).stream().map(secrets::mask).toList();
        int from = Math.max(0, lines.size() - 50);
        for (String line : lines.subList(from, lines.size())) {
          in.out().println("    | " + line);
        }
      }
    } catch (java.io.IOException ignored) {
      // output is a convenience; 'bin/workflow log' shows it too
    }
  }

  /** The resolved plan: properties, then every node with its transitions and resolved action body. */
  private static void printPlan(Submission submission, WorkflowEngine engine, Invocation in) throws Exception {
    var out = in.out();
    out.println("Dry run: workflow " + submission.name() + " (" + submission.definition().namespace() + ")");
    out.println("App path: " + submission.app().dir());
    out.println("Lib jars: " + (submission.app().libJars().isEmpty() ? "none" : submission.app().libJars()));
    out.println("Properties (resolved: -D > job.properties > config-default.xml > <parameters>):");
    Secrets secrets = Secrets.of(submission.conf());
    secrets.maskConf(submission.conf()).forEach((k, v) -> out.println("  " + k + "=" + v));
    out.println("Nodes:");
    ElScope scope = ElScope.forCheck(submission.conf());
    for (Node node : submission.definition().nodes().values()) {
      out.println(String.format("  %-24s %-9s -> %s", node.name(), node.kind(), String.join(", ",
          node.transitions())));
      if (node instanceof Node.Action action) {
        String resolved = secrets.mask(engine.el().evaluateString(action.spec().xml(), scope));
        for (String line : resolved.strip().split("\n")) {
          out.println("      " + line);
        }
      } else if (node instanceof Node.Decision decision) {
        for (Node.Case c : decision.cases()) {
          out.println("      case " + c.predicate() + " -> " + c.to());
        }
        out.println("      default -> " + decision.defaultTo());
      }
    }
    out.println("Nothing was run (-dryrun).");
  }

  /** hk.workflow.deploy.from: the app goes to its cluster path first when it is not there (AutoDeploy). */
  private static void deployIfMissing(Map<String, String> job, Invocation in) throws Exception {
    try {
      dev.hadoopkit.workflow.deploy.AutoDeploy.ifMissing(job, in.properties(), in.conf(), in.out());
    } catch (dev.hadoopkit.workflow.deploy.DeployException e) {
      throw new UsageException(dev.hadoopkit.workflow.engine.ConfigKeys.DEPLOY_FROM + ": " + e.getMessage());
    }
  }
}
