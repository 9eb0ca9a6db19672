package dev.hadoopkit.workflow.coord;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code coord:} functions of one evaluation can see: the phase (which decides which functions work, as
 * Oozie's per-phase function tables in oozie-default.xml), the job's properties and, once actions exist, the action,
 * the dataset of the instance being resolved and the data-in/data-out URIs.
 */
final class CoordElContext {
  /** Oozie's EL groups: {@code coord-job-submit-*}, {@code coord-action-create}, {@code coord-action-start}, … */
  enum Phase {
    /** coord-job-submit-freq: frequency attributes; coord:days(n) etc. give a frequency. */
    FREQUENCY("frequency"),
    /** coord-job-wait-timeout: {@code <timeout>}; coord:days(n) etc. give minutes. */
    TIMEOUT("timeout"),
    /** coord-job-submit-nofuncs: start, end, timezone, controls, uri-template, done-flag, app-path. */
    NOFUNCS("no coord: functions"),
    /** coord-job-submit-initial-instance: nofuncs plus coord:dateOffset and coord:dateTzOffset. */
    INITIAL_INSTANCE("initial-instance"),
    /** coord-job-submit-instances: instance functions are checked and echoed. */
    INSTANCES_CHECK("instances"),
    /** coord-job-submit-data: the action configuration; coord:dataIn/dataOut names are checked. */
    DATA_CHECK("action configuration"),
    /** coord-sla-submit. */
    SLA_CHECK("SLA"),
    /** coord-action-create: current, offset, absolute resolved; latest and future echoed for the input check. */
    ACTION_CREATE("instances"),
    /** coord-action-start: the action configuration with dataIn, dataOut, nominalTime, … resolved. */
    ACTION_START("action configuration"),
    /** coord-sla-create. */
    SLA_CREATE("SLA"),
    /** bundle-submit. */
    BUNDLE("bundle");

    private final String where;

    Phase(String where) {
      this.where = where;
    }

    String where() {
      return where;
    }

    boolean isCheck() {
      return this == INSTANCES_CHECK || this == DATA_CHECK || this == SLA_CHECK;
    }
  }

  final Phase phase;
  final Map<String, String> conf;
  Set<String> dataInNames = Set.of();
  Set<String> dataOutNames = Set.of();
  CoordIdentity identity;
  int actionNumber;
  Instant nominalTime;
  Instant actualTime;
  ZoneId coordinatorZone;
  Dataset dataset;
  Map<String, List<String>> inputs = Map.of();
  Map<String, List<String>> outputs = Map.of();

  CoordElContext(Phase phase, Map<String, String> conf) {
    this.phase = phase;
    this.conf = conf;
  }

  String user() {
    if (identity != null && identity.user() != null) {
      return identity.user();
    }
    String user = conf.get("user.name");
    return user != null ? user : System.getProperty("user.name");
  }
}
