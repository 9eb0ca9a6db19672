package dev.hadoopkit.workflow.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

/** Workflow texts parsed as a file named workflow.xml, by one parser (its schemas load once; it is thread-safe). */
final class WorkflowTexts {
  private static final WorkflowParser PARSER = new WorkflowParser();

  private WorkflowTexts() {
  }

  static WorkflowDefinition parse(String xml) throws WorkflowException {
    return PARSER.parse(xml.getBytes(StandardCharsets.UTF_8), "workflow.xml");
  }

  /** Asserts that the text is rejected with {@code code}; returns the error for more checks. */
  static WorkflowException fails(ErrorCode code, String xml) {
    WorkflowException e = assertThrows(WorkflowException.class, () -> parse(xml));
    assertEquals(code, e.code(), e.describe());
    return e;
  }
}
