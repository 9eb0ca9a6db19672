package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.util.List;

/**
 * {@code suspend <id>} (no new action starts, running ones finish; SUSPENDED is journaled and survives an engine
 * restart) and {@code resume <id>} (the run goes on: the live engine driving it continues, or, when none does, this
 * command drives it to its end as {@code run --resume} would). Oozie's -suspend / -resume.
 */
final class SuspendCommand implements Command {
  private static final long WAIT_MILLIS = 30_000;
  private final boolean suspend;

  SuspendCommand(boolean suspend) {
    this.suspend = suspend;
  }

  public String name() {
    return suspend ? "suspend" : "resume";
  }

  public String description() {
    return suspend ? "suspend a running run: no new action starts, running ones finish (Oozie's -suspend)"
        : "resume a suspended run; when no engine drives it, drive it here to its end (Oozie's -resume)";
  }

  public String usage() {
    return name() + " <id>";
  }

  public List<String> examples() {
    return List.of("bin/workflow " + name() + " 0000003-261121203000123-hk-W",
        "bin/oozie job -" + name() + " 0000003-261121203000123-hk-W");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("quiet"));
    String id = in.runId(0);
    var engine = in.engine();
    if (suspend) {
      WorkflowStatus status = engine.suspend(id, WAIT_MILLIS).info().status();
      if (status != WorkflowStatus.SUSPENDED) {
        in.err().println("workflow suspend: " + id + " is " + status + " after " + WAIT_MILLIS / 1000 + " s");
        return 1;
      }
      return 0;
    }
    WorkflowStatus status = engine.resume(id, WAIT_MILLIS).info().status();
    if (status == WorkflowStatus.SUSPENDED) {
      in.err().println("workflow resume: " + id + " is still SUSPENDED after " + WAIT_MILLIS / 1000 + " s");
      return 1;
    }
    var lock = engine.store().tryLock(id);
    if (lock.isEmpty() || status.isTerminal()) {
      lock.ifPresent(held -> {
        try {
          held.close();
        } catch (java.io.IOException ignored) {
          // released with the process anyway
        }
      });
      return 0; // a live engine goes on with it
    }
    lock.get().close();
    return RunCommand.drive(in, engine, id, false); // nobody drives it: as 'run --resume' would
  }
}
