package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunInfo;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.Secrets;
import java.time.Instant;
import java.util.List;

/** {@code info <id>}: the run's status and every node's state, as Oozie's {@code -info}. */
final class InfoCommand implements Command {
  public String name() {
    return "info";
  }

  public String description() {
    return "show a run's status and each node's status, attempts, external id and error";
  }

  public String usage() {
    return "info <id> [--format oozie [-verbose] [-offset M] [-len N]]";
  }

  public List<String> examples() {
    return List.of("bin/workflow info 0000001-261121203000123-hk-W");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("format", "verbose", "offset", "len"));
    String id = in.runId(0);
    if ("oozie".equals(in.option("format"))) { // bin/oozie job -info: Oozie's own layout
      OozieFormat.printWorkflow(in.out(), LocalOozie.info(in.engine(), id, in.number("-", "offset", 1, 1),
          in.number("-", "len", 0, 0)), in.flag("verbose"));
      return 0;
    }
    RunState state = in.engine().store().load(id);
    RunInfo info = state.info();
    Secrets secrets = Secrets.of(info.conf());
    var out = in.out();
    out.println("Job ID        : " + info.id());
    out.println("Workflow Name : " + info.name());
    out.println("App Path      : " + info.appPath());
    out.println("Status        : " + info.status() + (info.statusMessage() == null ? ""
        : " (" + secrets.mask(info.statusMessage()) + ")"));
    out.println("Run           : " + info.run());
    out.println("User          : " + info.user());
    if (info.parent() != null) {
      out.println("Parent        : " + info.parent());
    }
    out.println("Created       : " + Instant.ofEpochMilli(info.createdTime()));
    out.println("Ended         : " + (info.endTime() == 0 ? "-" : Instant.ofEpochMilli(info.endTime())));
    out.println("-".repeat(110));
    out.println(String.format("%-24s %-10s %-7s %-28s %-14s %s", "Node", "Status", "Attempt", "Ext ID",
        "Err Code", "Duration"));
    out.println("-".repeat(110));
    for (NodeRun node : state.nodeRuns()) {
      long duration = node.endTime() == 0 ? 0 : node.endTime() - node.startTime();
      out.println(String.format("%-24s %-10s %-7s %-28s %-14s %s", node.name(), node.status()
              + (node.skipped() ? "*" : ""), node.attempt() == 0 ? "-" : String.valueOf(node.attempt()),
          node.externalId() == null ? "-" : node.externalId(), node.errorCode() == null ? "-" : node.errorCode(),
          node.endTime() == 0 ? "-" : duration + " ms"));
      if (node.errorMessage() != null && !node.status().isSuccessful()) {
        out.println("    " + secrets.mask(node.errorMessage()));
      }
    }
    if (!state.tokens().isEmpty()) {
      out.println("Waiting at    : " + state.tokens());
    }
    return 0;
  }
}
