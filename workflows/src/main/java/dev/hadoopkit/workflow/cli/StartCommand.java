package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.util.List;

/** {@code start <id>}: runs a PREP run recorded by {@code submit} here, streaming its transitions (Oozie's -start). */
final class StartCommand implements Command {
  public String name() {
    return "start";
  }

  public String description() {
    return "start a run recorded with 'submit' (PREP) and drive it here; exit 0 only when it SUCCEEDED";
  }

  public String usage() {
    return "start <id>";
  }

  public List<String> examples() {
    return List.of("bin/workflow start 0000003-261121203000123-hk-W", "bin/oozie job -start 0000003-261121203000123-hk-W");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("quiet"));
    String id = in.runId(0);
    var engine = in.engine();
    WorkflowStatus status = engine.store().load(id).info().status();
    if (status != WorkflowStatus.PREP) {
      throw new IllegalStateException("E1317: workflow " + id + " is " + status + ", not PREP: only a run"
          + " recorded with -submit is started with -start" + (status.isTerminal() ? "; -rerun runs it again"
          : "; 'bin/workflow run --resume " + id + "' continues a run whose engine stopped"));
    }
    return RunCommand.drive(in, engine, id, false);
  }
}
