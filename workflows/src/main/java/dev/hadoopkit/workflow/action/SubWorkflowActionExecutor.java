package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
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
    ActionBody.SubWorkflow body = context.body(ActionBody.SubWorkflow.class);
    String appPath = body.appPath();
    Map<String, String> conf = new LinkedHashMap<>();
    if (body.propagateConfiguration()) {
      conf.putAll(context.workflowConf());
      conf.remove("oozie.wf.application.path");
    } else {
      for (String key : new String[] {"user.name", "nameNode", "jobTracker", "resourceManager"}) {
        if (context.workflowConf().containsKey(key)) {
          conf.put(key, context.workflowConf().get(key));
        }
      }
    }
    conf.putAll(body.configuration());
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
