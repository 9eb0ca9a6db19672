package dev.hadoopkit.workflow.server.api;

/**
 * Which actions of a coordinator a control applies to, as Oozie's {@code -action 1,3-4} ({@code type=action}) or
 * {@code -date 2026-01-01T00:00Z::2026-01-03T00:00Z,…} ({@code type=date}); {@code scope} null = the whole job.
 */
public record ActionSelection(String type, String scope) {
  public static final ActionSelection ALL = new ActionSelection(null, null);

  public boolean isAll() {
    return scope == null || scope.isBlank();
  }
}
