package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ErrorCode;

/** An action type the language allows but this engine does not run: it validates, then errors when reached. */
final class UnsupportedActionExecutor implements ActionExecutor {
  private final String type;
  private final String instead;

  UnsupportedActionExecutor(String type, String instead) {
    this.type = type;
    this.instead = instead;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public ActionOutcome execute(ActionContext context) {
    return ActionOutcome.error(ErrorCode.E0723, "Unsupported action type, node [" + context.node() + "] type [" + type
        + "]: this engine validates " + type + " actions but does not run them; " + instead + ".");
  }
}
