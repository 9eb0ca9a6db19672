package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.engine.WorkflowApp;
import java.util.List;

/** {@code validate <app-dir | workflow.xml>}: schema and graph checks, nothing run. */
final class ValidateCommand implements Command {
  public String name() {
    return "validate";
  }

  public String description() {
    return "check a workflow.xml against the XSDs and Oozie's graph rules (E07xx codes)";
  }

  public String usage() {
    return "validate <app-dir | workflow.xml>";
  }

  public List<String> examples() {
    return List.of("bin/workflow validate workflows/examples/movielens", "bin/workflow validate /tmp/app/workflow.xml");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of());
    String path = in.positional(0, "the app directory or workflow.xml to validate");
    WorkflowApp app = WorkflowApp.load(path, in.conf());
    WorkflowDefinition definition = in.engine().parser().parse(app.workflowXml(), app.workflowFile());
    in.out().println("Valid workflow: " + app.workflowFile() + " (" + definition.namespace() + ", name "
        + definition.name() + ", " + (definition.nodes().size() - 1) + " nodes, "
        + definition.actions().size() + " actions)");
    return 0;
  }
}
