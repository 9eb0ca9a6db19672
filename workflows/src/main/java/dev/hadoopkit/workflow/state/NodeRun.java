package dev.hadoopkit.workflow.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to one node in a run. Mutable; owned by {@link RunState} and read under its lock. */
public final class NodeRun {
  private final String name;
  private NodeStatus status = NodeStatus.PREP;
  private int attempt;
  private String externalId;
  private String errorCode;
  private String errorMessage;
  private long startTime;
  private long endTime;
  private List<String> transitions = List.of();
  private Map<String, String> data = Map.of();
  private Map<String, Map<String, Long>> counters = Map.of();
  private boolean skipped;
  private long processStart;

  public NodeRun(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public NodeStatus status() {
    return status;
  }

  public int attempt() {
    return attempt;
  }

  public String externalId() {
    return externalId;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public long startTime() {
    return startTime;
  }

  public long endTime() {
    return endTime;
  }

  public List<String> transitions() {
    return transitions;
  }

  public Map<String, String> data() {
    return data;
  }

  public Map<String, Map<String, Long>> counters() {
    return counters;
  }

  /** True when a rerun reused this node's earlier result instead of running it. */
  public boolean skipped() {
    return skipped;
  }

  /**
   * The current attempt's child process ({@code pid:N} external id) and its start time in epoch millis, when the
   * engine recorded one: a resumed engine looks for that very process.
   */
  public java.util.Optional<ChildProcess> process() {
    if (processStart == 0 || externalId == null || !externalId.startsWith("pid:")) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new ChildProcess(Long.parseLong(externalId.substring(4)), processStart));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  /** A child process of an action attempt: its pid and start time (epoch millis). */
  public record ChildProcess(long pid, long startMillis) {
  }

  void process(long startMillis) {
    this.processStart = startMillis;
  }

  void started(int attemptNumber, long time) {
    this.processStart = 0;
    this.status = NodeStatus.RUNNING;
    this.attempt = attemptNumber;
    this.startTime = time;
    this.endTime = 0;
  }

  void retrying(String code, String message) {
    this.status = NodeStatus.USER_RETRY;
    this.errorCode = code;
    this.errorMessage = message;
  }

  void externalId(String id) {
    this.externalId = id;
  }

  void ended(NodeStatus endStatus, List<String> to, String code, String message, Map<String, String> endData,
      Map<String, Map<String, Long>> endCounters, long time, boolean wasSkipped) {
    this.status = endStatus;
    this.transitions = List.copyOf(to);
    this.errorCode = code;
    this.errorMessage = message;
    this.data = endData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(endData));
    this.counters = endCounters == null ? Map.of() : endCounters;
    if (startTime == 0) {
      startTime = time;
    }
    this.endTime = time;
    this.skipped = wasSkipped;
  }
}
