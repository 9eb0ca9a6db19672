package dev.hadoopkit.workflow.coord;

/**
 * {@code <sla:info>} of the coordinator action (uri:oozie:sla:0.1 or 0.2), texts as written. For 0.2,
 * should-start, should-end and max-duration are minutes after the nominal time ({@code ${10 * MINUTES}}); for 0.1
 * should-start and should-end are the same kind of offsets.
 */
record SlaDefinition(String nominalTime, String shouldStart, String shouldEnd, String maxDuration,
    String alertEvents, String alertContact) {
}
