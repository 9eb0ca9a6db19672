package dev.hadoopkit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The in-process entry: exit codes and the one-line error come back to the caller; nothing exits the JVM. */
class EmbeddedIngestTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private EmbeddedIngest.Result run(String... args) {
    return EmbeddedIngest.builder().output(new PrintStream(out, true, StandardCharsets.UTF_8))
        .errors(new PrintStream(err, true, StandardCharsets.UTF_8)).build().run(List.of(args), new Configuration());
  }

  @Test
  void successReturnsZeroAndWritesToTheGivenStream() {
    EmbeddedIngest.Result r = run("version");
    assertEquals(0, r.exitCode());
    assertTrue(r.succeeded());
    assertNull(r.errorMessage());
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Sqoop 1.4.7-compatible"));
    assertEquals(List.of(), r.jobs());
  }

  @Test
  void usageErrorReturnsTwoWithTheMessage() {
    EmbeddedIngest.Result r = run("imprt", "--table", "t");
    assertEquals(2, r.exitCode());
    assertFalse(r.succeeded());
    assertEquals("No such sqoop tool: imprt. See 'sqoop help'.", r.errorMessage());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("ERROR No such sqoop tool: imprt"));
  }

  @Test
  void unreachableDatabaseReturnsOneWithoutTheCallersConfigurationChanging() {
    Configuration conf = new Configuration(false);
    EmbeddedIngest.Result r = EmbeddedIngest.builder().output(new PrintStream(out, true, StandardCharsets.UTF_8))
        .errors(new PrintStream(err, true, StandardCharsets.UTF_8)).build()
        .run(List.of("list-tables", "-D", "hk.test.key=1", "--connect", "jdbc:mysql://127.0.0.1:1/none",
            "--username", "u", "--password", "pw-xyz"), conf);
    assertEquals(1, r.exitCode());
    assertTrue(r.errorMessage() != null && !r.errorMessage().isEmpty());
    assertFalse(r.errorMessage().contains("pw-xyz"), r.errorMessage());
    assertNull(conf.get("hk.test.key"), "generic -D applies to a copy");
  }
}
