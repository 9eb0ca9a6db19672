package dev.hadoopkit.workflow.deploy;

/** Bad input to a deployment (not an app directory, a target that is not an app): nothing was changed. */
public final class DeployException extends Exception {
  private static final long serialVersionUID = 1L;

  public DeployException(String message) {
    super(message);
  }
}
