package dev.hadoopkit.workflow.definition;

/**
 * The body of an action as written: its type (the element name, e.g. {@code shell}), its namespace, and the element's
 * XML text with EL still unresolved, and the same body typed ({@link ActionBody}, EL unresolved too). Executors parse
 * the resolved text when the action starts, as Oozie does.
 */
public record ActionSpec(String type, String namespace, String xml, Location location, ActionBody body) {
}
