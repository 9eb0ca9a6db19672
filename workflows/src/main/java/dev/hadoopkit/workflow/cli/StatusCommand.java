package dev.hadoopkit.workflow.cli;

import java.util.List;

/** {@code status <id>}: the run's status alone (PREP, RUNNING, SUSPENDED, SUCCEEDED, FAILED, KILLED), for scripts. */
final class StatusCommand implements Command {
  public String name() {
    return "status";
  }

  public String description() {
    return "print the status of a run, one word (Oozie's show=status)";
  }

  public String usage() {
    return "status <id>";
  }

  public List<String> examples() {
    return List.of("bin/workflow status 0000003-261121203000123-hk-W",
        "[ \"$(bin/oozie job -status $id)\" = SUCCEEDED ] && echo done");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of());
    in.out().println(in.engine().store().load(in.runId(0)).info().status());
    return 0;
  }
}
