package dev.hadoopkit.workflow.server.api;

/** A control that the job's state does not allow, e.g. resume of a RUNNING job (HTTP 409 with Oozie's code). */
public class ConflictException extends BadRequestException {
  public ConflictException(String code, String message) {
    super(code, message);
  }
}
