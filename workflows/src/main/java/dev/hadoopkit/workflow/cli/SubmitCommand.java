package dev.hadoopkit.workflow.cli;

import java.util.List;

/** {@code submit -config job.properties}: records the run as PREP and prints its id; {@code start <id>} runs it. */
final class SubmitCommand implements Command {
  public String name() {
    return "submit";
  }

  public String description() {
    return "record a run without starting it (status PREP, Oozie's -submit); 'start <id>' runs it";
  }

  public String usage() {
    return "submit -config job.properties [app-dir] [-D name=value ...]";
  }

  public List<String> examples() {
    return List.of("bin/workflow submit -config job.properties", "bin/oozie job -config job.properties -submit");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("config", "oozie"));
    var engine = in.engine();
    String id = engine.submit(RunCommand.prepare(in, engine), null, (runId, r) -> { });
    in.out().println("job: " + id);
    return 0;
  }
}
