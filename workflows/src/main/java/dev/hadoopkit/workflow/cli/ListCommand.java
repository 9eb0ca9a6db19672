package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.state.RunState;
import java.util.List;

/** {@code jobs}: the runs in the state directory, newest last. */
final class ListCommand implements Command {
  public String name() {
    return "jobs";
  }

  public String description() {
    return "list the runs in the state directory with their status";
  }

  public String usage() {
    return "jobs";
  }

  public List<String> examples() {
    return List.of("bin/workflow jobs");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of());
    for (String id : in.engine().store().ids()) {
      try {
        RunState state = in.engine().store().load(id);
        in.out().println(String.format("%-30s %-10s run %-3d %s", id, state.status(), state.run(), state.name()));
      } catch (java.io.IOException e) {
        in.out().println(String.format("%-30s %-10s %s", id, "UNREADABLE", e.getMessage()));
      }
    }
    return 0;
  }
}
