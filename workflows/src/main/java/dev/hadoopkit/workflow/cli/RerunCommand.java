package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.engine.ConfigKeys;
import dev.hadoopkit.workflow.engine.RunLogFormat;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.state.RunState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rerun <id> [-config job.properties] [-D k=v] [-D oozie.wf.rerun.failnodes=true | -D
 * oozie.wf.rerun.skip.nodes=a,b]}: the job.properties and {@code -D} properties are merged over the run's, as with
 * Oozie's {@code job -config job.properties -rerun <id>}.
 */
final class RerunCommand implements Command {
  public String name() {
    return "rerun";
  }

  public String description() {
    return "rerun an ended run under the same id (wf:run() + 1) with its properties fixed by -config/-D, skipping"
        + " nodes as Oozie does";
  }

  public String usage() {
    return "rerun <id> [-config job.properties] [-D name=value ...] [-D oozie.wf.rerun.failnodes=true"
        + " | -D oozie.wf.rerun.skip.nodes=a,b]";
  }

  public List<String> examples() {
    return List.of("bin/workflow rerun 0000001-261121203000123-hk-W -D oozie.wf.rerun.failnodes=true",
        "bin/workflow rerun 0000001-261121203000123-hk-W -D oozie.wf.rerun.skip.nodes=import,clean",
        "bin/workflow rerun 0000001-261121203000123-hk-W -config job.properties -D inputDir=/data/fixed"
            + " -D oozie.wf.rerun.failnodes=true");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("pool", "quiet", "config"));
    String id = in.runId(0);
    Map<String, String> conf = new LinkedHashMap<>();
    if (in.option("config") != null) {
      conf.putAll(JobProperties.read(in.option("config")));
    }
    conf.putAll(in.properties());
    boolean failNodes = Boolean.parseBoolean(conf.getOrDefault(ConfigKeys.RERUN_FAIL_NODES, "false"));
    List<String> skip = WorkflowEngine.nodeList(conf.get(ConfigKeys.RERUN_SKIP_NODES));
    boolean quiet = in.flag("quiet");
    RunState state = in.engine().rerun(id, failNodes, skip, conf, (runId, record) -> {
      if (!quiet) {
        in.out().println(RunLogFormat.line(runId, record));
      }
    });
    in.out().println("Workflow " + id + " " + state.info().status() + " (run " + state.info().run() + ")"
        + (state.info().statusMessage() == null ? "" : ": " + state.info().statusMessage()));
    return state.info().status().isSuccessful() ? 0 : 1;
  }
}
