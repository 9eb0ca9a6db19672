package dev.hadoopkit.workflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchRequestTest {
  @Test
  void aRequestPrintsTheSecretsAliasesButNeverTheirValues() {
    LaunchRequest request = new LaunchRequest("hk:sqoop:r:n", "tag", null, List.of("@JAVA@", "import"), Map.of(),
        Map.of(), Map.of(), "hdfs://nn/staging", Map.of("hk.workflow.sqoop.secret.0", "Top-S3cret"));
    assertFalse(request.toString().contains("Top-S3cret"), request.toString());
    assertTrue(request.toString().contains("hk.workflow.sqoop.secret.0"), request.toString());
    assertEquals("Top-S3cret", request.secrets().get("hk.workflow.sqoop.secret.0"));
    assertEquals(Map.of(), new LaunchRequest("n", "t", null, List.of(), Map.of(), Map.of(), Map.of(), "s").secrets());
  }
}
