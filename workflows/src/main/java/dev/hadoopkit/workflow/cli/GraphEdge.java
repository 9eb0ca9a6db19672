package dev.hadoopkit.workflow.cli;

/** One drawn transition: kind is ok, error, case, default or transition; label the case predicate or null. */
record GraphEdge(String from, String to, String kind, String label) {
}
