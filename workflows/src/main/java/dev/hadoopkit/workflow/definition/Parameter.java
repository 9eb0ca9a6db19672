package dev.hadoopkit.workflow.definition;

/** A {@code <parameters><property>}: a name and an optional default value (null when required). */
public record Parameter(String name, String defaultValue, String description) {
  public boolean isRequired() {
    return defaultValue == null;
  }
}
