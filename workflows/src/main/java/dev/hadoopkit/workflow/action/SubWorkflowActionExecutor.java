package dev.hadoopkit.workflow.action;

import static dev.hadoopkit.workflow.definition.LocatedXml.child;
import static dev.hadoopkit.workflow.definition.LocatedXml.childText;

import dev.hadoopkit.workflow.definition.WorkflowParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sub-workflow action: runs the child app in this engine as a run of its own (its id is the action's external
 * id). When the parent's engine died while the child ran, the child run is resumed rather than started again. With {@code <propagate-configuration/>} the child sees the parent's job properties; {@code <configuration>}
 * adds to them.
 */
final class SubWorkflowActionExecutor implements ActionExecutor {

  @Override
  public String type() {
    return "sub-workflow";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws Exception {
    String appPath = childText(context.element(), "app-path");
    Map<String, String> conf = new LinkedHashMap<>();
    if (child(context.element(), "propagate-configuration") != null) {
      conf.putAll(context.workflowConf());
      conf.remove("oozie.wf.application.path");
    } else {
      for (String key : new String[] {"user.name", "nameNode", "jobTracker", "resourceManager"}) {
        if (context.workflowConf().containsKey(key)) {
          conf.put(key, context.workflowConf().get(key));
        }
      }
    }
    conf.putAll(WorkflowParser.configuration(child(context.element(), "configuration")));
    conf.put("oozie.wf.application.path", appPath);
    SubWorkflowRunner.Result result = null;
    if (context.previousExternalId() != null) {
      result = context.subWorkflows().resume(context.previousExternalId(), context.cancellation()).orElse(null);
    }
    if (result == null) {
      result = context.subWorkflows().run(appPath, conf, context.externalId(), context.cancellation());
    }
    if (result.succeeded()) {
      return ActionOutcome.ok();
    }
    if (result.id() == null) {
      return ActionOutcome.error("SUBWF_" + result.status(), result.message());
    }
    return ActionOutcome.error("SUBWF_" + result.status(), "sub-workflow " + result.id() + " ended "
        + result.status() + (result.message() == null ? "" : ", " + result.message())
        + " (bin/workflow info " + result.id() + " shows the child run)");
  }
}
