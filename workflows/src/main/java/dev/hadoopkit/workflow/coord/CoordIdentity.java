package dev.hadoopkit.workflow.coord;

/** Identity of the coordinator job, for {@code coord:id()}, {@code coord:actionId()}, {@code coord:name()}, {@code coord:user()}. */
public record CoordIdentity(String jobId, String name, String user) {
  /** Oozie's action id: {@code <job id>@<action number>}. */
  public String actionId(int number) {
    return jobId + "@" + number;
  }
}
