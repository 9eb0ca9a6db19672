package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.state.RunState;
import java.util.List;

/** {@code kill <id>}: stops a run (its engine kills running actions) or marks an orphaned run KILLED. */
final class KillCommand implements Command {
  public String name() {
    return "kill";
  }

  public String description() {
    return "kill a run: running actions are stopped and the run ends KILLED";
  }

  public String usage() {
    return "kill <id>";
  }

  public List<String> examples() {
    return List.of("bin/workflow kill 0000001-261121203000123-hk-W");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of());
    String id = in.runId(0);
    RunState state = in.engine().kill(id, 60_000);
    in.out().println("Workflow " + id + " " + state.info().status());
    return state.info().status().isTerminal() ? 0 : 1;
  }
}
