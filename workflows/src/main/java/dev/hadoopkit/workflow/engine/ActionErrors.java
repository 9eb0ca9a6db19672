package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.ActionOutcome;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.util.DiskChecker;

/**
 * An exception met while an action is prepared or run, as the action's error with Oozie's code: its launcher's
 * {@code JA0xx} for Hadoop and I/O problems (JA001 unknown host … JA008 file not found, JA009 other I/O), the
 * {@code E07xx} code of a definition problem (a bad job-xml), else the exception's class as Oozie reports an
 * exception it has no code for.
 */
final class ActionErrors {
  private ActionErrors() {
  }

  static ActionOutcome outcome(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return ActionOutcome.error(code(e), message);
  }

  static String code(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof WorkflowException definition) {
        return definition.code().name();
      }
    }
    if (e instanceof UnknownHostException) {
      return RunErrorCode.JA001.name();
    }
    if (e instanceof AccessControlException || e instanceof AccessDeniedException) {
      return RunErrorCode.JA002.name();
    }
    if (e instanceof DiskChecker.DiskOutOfSpaceException) {
      return RunErrorCode.JA003.name();
    }
    String type = e.getClass().getSimpleName();
    if (type.equals("QuotaExceededException") || type.endsWith("QuotaExceededException")) {
      return RunErrorCode.JA004.name();
    }
    if (type.equals("SafeModeException")) {
      return RunErrorCode.JA005.name();
    }
    if (e instanceof ConnectException) {
      return RunErrorCode.JA006.name();
    }
    if (e instanceof org.xml.sax.SAXException || e instanceof javax.xml.parsers.ParserConfigurationException) {
      return RunErrorCode.JA007.name();
    }
    if (e instanceof FileNotFoundException || e instanceof NoSuchFileException) {
      return RunErrorCode.JA008.name();
    }
    if (e instanceof IOException) {
      return RunErrorCode.JA009.name();
    }
    return type;
  }
}
