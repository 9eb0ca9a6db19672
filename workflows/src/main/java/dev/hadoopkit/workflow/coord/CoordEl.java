package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.el.ElException;
import dev.hadoopkit.workflow.el.ElScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coordinator's EL: the workflow evaluator with {@link CoordFunctions}, and the variables of each phase (Oozie's
 * constants {@code YEAR}…{@code MINUTE} echo themselves in URI templates at submission; {@code MINUTES},
 * {@code HOURS}, {@code DAYS} are 1, 60, 1440 in SLA texts). Failures are E1004 with the place.
 */
final class CoordEl {
  static final ElEvaluator EVALUATOR = new ElEvaluator(List.of(CoordFunctions.class));

  private static final Map<String, String> TEMPLATE_CONSTANTS = Map.of("YEAR", "${YEAR}", "MONTH", "${MONTH}",
      "DAY", "${DAY}", "HOUR", "${HOUR}", "MINUTE", "${MINUTE}");
  private static final Map<String, String> SLA_CONSTANTS = Map.of("MINUTES", "1", "HOURS", "60", "DAYS", "1440");

  private CoordEl() {
  }

  /** The variables of a phase: the job's properties plus the phase's constants (properties win, as in Oozie). */
  static Map<String, String> variables(CoordElContext.Phase phase, Map<String, String> conf) {
    Map<String, String> constants = switch (phase) {
      case NOFUNCS, INITIAL_INSTANCE -> TEMPLATE_CONSTANTS;
      case SLA_CHECK, SLA_CREATE -> SLA_CONSTANTS;
      default -> Map.of();
    };
    if (constants.isEmpty()) {
      return conf;
    }
    Map<String, String> out = new HashMap<>(constants);
    out.putAll(conf);
    return out;
  }

  /** Evaluates a text; E1004 names the element, the place and the fix. Undefined variables are E1004 too. */
  static String evaluate(String text, CoordElContext context, Location where, String what) throws WorkflowException {
    if (!ElEvaluator.hasEl(text)) {
      return text;
    }
    Map<String, String> variables = variables(context.phase, context.conf);
    ElScope check = ElScope.forCheck(variables).with(context);
    try {
      EVALUATOR.evaluate(text, Object.class, check);
    } catch (ElException e) {
      throw failure(text, where, what, e);
    }
    Set<String> missing = check.missing();
    if (!missing.isEmpty()) {
      throw new WorkflowException(ErrorCode.E1004, where, "cannot evaluate " + text.trim() + " in " + what
          + ": variable" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + (missing.size() > 1
          ? " are" : " is") + " not defined. Define " + (missing.size() > 1 ? "them" : "it")
          + " in job.properties, with -D name=value, in config-default.xml or in <parameters>.");
    }
    return evaluateChecked(text, context, where, what);
  }

  /** The variables a text uses that are defined nowhere (empty when it has no EL or all are defined). */
  static Set<String> missingVariables(String text, CoordElContext context) {
    if (!ElEvaluator.hasEl(text)) {
      return Set.of();
    }
    ElScope check = ElScope.forCheck(variables(context.phase, context.conf)).with(context);
    try {
      EVALUATOR.evaluate(text, Object.class, check);
    } catch (ElException e) {
      return Set.of(); // a syntax error: reported by evaluate
    }
    return check.missing();
  }

  /** Evaluates a text already checked (no undefined variables): the per-action path. */
  static String evaluateChecked(String text, CoordElContext context, Location where, String what)
      throws WorkflowException {
    if (!ElEvaluator.hasEl(text)) {
      return text;
    }
    ElScope scope = ElScope.forRun(variables(context.phase, context.conf), null).with(context);
    try {
      return EVALUATOR.evaluateString(text, scope);
    } catch (ElException e) {
      throw failure(text, where, what, e);
    }
  }

  private static WorkflowException failure(String text, Location where, String what, ElException e) {
    String message = e.getMessage().replaceAll("\\.+$", "");
    return new WorkflowException(ErrorCode.E1004, where, "invalid EL in " + what + ": " + message
        + ". Coordinator EL is ${expression}, e.g. ${coord:days(1)}, ${coord:current(-1)} or ${nameNode}/path.", e);
  }
}
