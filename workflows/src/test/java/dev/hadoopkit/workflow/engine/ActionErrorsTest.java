package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.action.ActionOutcome;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.state.NodeStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.Test;

/** Run-time error codes: the strings users and journals see are Oozie's, whatever the enum calls them. */
class ActionErrorsTest {

  @Test
  void exceptionsMapToOoziesLauncherCodes() {
    assertEquals("JA001", ActionErrors.code(new UnknownHostException("nn.example")));
    assertEquals("JA002", ActionErrors.code(new AccessControlException("denied")));
    assertEquals("JA006", ActionErrors.code(new ConnectException("refused")));
    assertEquals("JA008", ActionErrors.code(new FileNotFoundException("/x")));
    assertEquals("JA008", ActionErrors.code(new NoSuchFileException("/x")));
    assertEquals("JA009", ActionErrors.code(new IOException("disk")));
  }

  @Test
  void definitionProblemKeepsItsParseTimeCodeAndOthersTheirClassName() {
    WorkflowException bad = new WorkflowException(ErrorCode.E0701, Location.of("job.xml"), "not a configuration");
    assertEquals("E0701", ActionErrors.code(new IOException("wrapped", bad)));
    assertEquals("IllegalStateException", ActionErrors.code(new IllegalStateException("x")));
  }

  @Test
  void typedOutcomesCarryTheCodesName() {
    ActionOutcome error = ActionOutcome.error(RunErrorCode.JA018, "job failed");
    assertEquals(NodeStatus.ERROR, error.status());
    assertEquals("JA018", error.errorCode());
    ActionOutcome failed = ActionOutcome.failed(ErrorCode.EL_ERROR, "bad EL");
    assertEquals(NodeStatus.FAILED, failed.status());
    assertEquals("EL_ERROR", failed.errorCode());
  }

  @Test
  void runTimeCodesDoNotShadowParseTimeCodesAndSaySomething() {
    Set<String> parseTime = new HashSet<>();
    Arrays.stream(ErrorCode.values()).forEach(c -> parseTime.add(c.name()));
    for (RunErrorCode code : RunErrorCode.values()) {
      assertFalse(parseTime.contains(code.name()), code + " is already a parse-time ErrorCode");
      assertFalse(code.summary().isBlank(), code + " has no summary");
      assertTrue(code.name().matches("[A-Z][A-Z0-9_]*"), code.name());
    }
  }
}
