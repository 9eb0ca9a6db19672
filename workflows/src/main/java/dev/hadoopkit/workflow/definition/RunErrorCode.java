package dev.hadoopkit.workflow.definition;

/**
 * The error codes an action ends with at run time, beside the parse-time {@link ErrorCode}s (which the engine also
 * reports at run time where Oozie does: E0723 unsupported action, E0729 kill node, EL_ERROR). Oozie's own codes keep
 * Oozie's names because users search for them: its launcher's JA0xx, the fs action's FS0xx, the email action's
 * EM00x. The others name what this engine's actions report where Oozie has no code. A journal, the REST API and the
 * console carry {@link #name()}, so the strings are exactly those written before this enum existed.
 *
 * <p>Not every run-time code is one of these: a shell or java action ends with its exit code, a sub-workflow with
 * {@code SUBWF_<status>}, and an exception with no code with its class name, as Oozie reports it.
 */
public enum RunErrorCode {
  // Oozie's launcher (JavaActionExecutor's exception mapping and its launcher's outcome)
  JA001("Unknown host"),
  JA002("Permission denied"),
  JA003("Disk out of space"),
  JA004("Quota exceeded"),
  JA005("Name node in safe mode"),
  JA006("Connection refused"),
  JA007("XML error"),
  JA008("File not found"),
  JA009("IO error"),
  JA017("Launcher failed"),
  JA018("Hadoop job failed"),
  // Oozie's fs action
  FS001("Invalid path or argument"),
  FS006("Path does not exist"),
  FS008("Target's parent directory does not exist"),
  FS009("Operation failed"),
  FS010("Invalid permissions"),
  FS012("Cannot touchz a directory or a non-empty file"),
  // Oozie's email action
  EM001("No recipient"),
  EM002("Invalid email address"),
  EM004("Cannot send the mail"),
  EM008("Cannot read an attachment"),
  // this engine's actions, where Oozie has no code
  KILLED("The action was cancelled: the workflow was killed or ended"),
  RESUME("The action cannot be resumed after an engine restart"),
  DISTCP_ARGS("Invalid distcp arguments"),
  STREAMING("Invalid streaming definition"),
  SQOOP_USAGE("Invalid sqoop command"),
  CAPTURE_OUTPUT("Invalid or too large captured output"),
  SHELL001("Invalid shell env-var"),
  SHELL002("Cannot run the shell command"),
  HIVE2_SCRIPT("Cannot read the hive2 script"),
  HIVE2_PARAM("Invalid hive2 param"),
  HIVE2_SQL("A hive2 statement failed"),
  HIVE2_CONNECT("Cannot connect to the hive2 JDBC URL");

  private final String summary;

  RunErrorCode(String summary) {
    this.summary = summary;
  }

  /** What the code means in general; messages add the node, the thing and the fix. */
  public String summary() {
    return summary;
  }
}
