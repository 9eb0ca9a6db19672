package dev.hadoopkit.workflow.coord;

/** {@code <data-out>}: one instance of a dataset (EL as written); {@code nocleanup} as in coordinator 0.4+. */
record DataOut(String name, String dataset, String instance, boolean nocleanup) {
}
