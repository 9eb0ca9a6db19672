package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.engine.ConfigKeys;
import dev.hadoopkit.workflow.engine.RunLogFormat;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.state.RunState;
import java.util.List;

/** {@code rerun <id> [-D oozie.wf.rerun.failnodes=true | -D oozie.wf.rerun.skip.nodes=a,b]}. */
final class RerunCommand implements Command {
  public String name() {
    return "rerun";
  }

  public String description() {
    return "rerun an ended run under the same id (wf:run() + 1), skipping nodes as Oozie does";
  }

  public String usage() {
    return "rerun <id> [-D oozie.wf.rerun.failnodes=true | -D oozie.wf.rerun.skip.nodes=a,b]";
  }

  public List<String> examples() {
    return List.of("bin/workflow rerun 0000001-261121203000123-hk-W -D oozie.wf.rerun.failnodes=true",
        "bin/workflow rerun 0000001-261121203000123-hk-W -D oozie.wf.rerun.skip.nodes=import,clean");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("pool", "quiet", "config"));
    String id = in.positional(0, "the run id");
    boolean failNodes = Boolean.parseBoolean(in.properties().getOrDefault(ConfigKeys.RERUN_FAIL_NODES, "false"));
    List<String> skip = WorkflowEngine.nodeList(in.properties().get(ConfigKeys.RERUN_SKIP_NODES));
    boolean quiet = in.flag("quiet");
    RunState state = in.engine().rerun(id, failNodes, skip, (runId, record) -> {
      if (!quiet) {
        in.out().println(RunLogFormat.line(runId, record));
      }
    });
    in.out().println("Workflow " + id + " " + state.status() + " (run " + state.run() + ")"
        + (state.statusMessage() == null ? "" : ": " + state.statusMessage()));
    return state.status().isSuccessful() ? 0 : 1;
  }
}
