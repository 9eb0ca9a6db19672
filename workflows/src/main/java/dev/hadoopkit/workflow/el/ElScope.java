package dev.hadoopkit.workflow.el;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one evaluation can see: variables (the job's properties), the run (for {@code wf:} functions; may be null
 * before a run exists) and whether this is a check pass. A check pass evaluates with placeholder function results
 * and records undefined variables instead of failing, so submission can list every missing parameter at once.
 */
public final class ElScope {
  private final Map<String, String> variables;
  private final WorkflowElContext workflow;
  private final boolean checking;
  private final Set<String> missing = new TreeSet<>();
  private final Object extension;

  private ElScope(Map<String, String> variables, WorkflowElContext workflow, boolean checking, Object extension) {
    this.variables = variables;
    this.workflow = workflow;
    this.checking = checking;
    this.extension = extension;
  }

  private ElScope(Map<String, String> variables, WorkflowElContext workflow, boolean checking) {
    this(variables, workflow, checking, null);
  }

  /**
   * This scope with a context for functions outside the workflow's own (e.g. a coordinator action being
   * materialized, read by the {@code coord:} functions through {@link #extension(Class)}).
   */
  public ElScope with(Object newExtension) {
    return new ElScope(variables, workflow, checking, newExtension);
  }

  /** The extension context of the given type, or null when this scope has none of it. */
  public <T> T extension(Class<T> type) {
    return type.isInstance(extension) ? type.cast(extension) : null;
  }

  public static ElScope forRun(Map<String, String> variables, WorkflowElContext workflow) {
    return new ElScope(variables, workflow, false);
  }

  public static ElScope forCheck(Map<String, String> variables) {
    return new ElScope(variables, null, true);
  }

  public Map<String, String> variables() {
    return variables;
  }

  public WorkflowElContext workflow() {
    return workflow;
  }

  public boolean isChecking() {
    return checking;
  }

  void forgetMissing(String name) {
    missing.remove(name);
  }

  void recordMissing(String name) {
    missing.add(name);
  }

  /** Variables a check pass found undefined, sorted. */
  public Set<String> missing() {
    return missing;
  }
}
