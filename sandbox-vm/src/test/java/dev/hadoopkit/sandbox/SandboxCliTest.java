package dev.hadoopkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new SandboxCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryCommandWithExamples() {
    assertEquals(0, run("--help"));
    for (String c : new String[] {"up", "status", "env", "load-movielens", "stop-node", "start-node", "down",
        "bench"}) {
      assertTrue(out().contains("\n  " + c), c + " missing from help:\n" + out());
    }
    assertTrue(out().contains("bin/sandbox up --datanodes 3 --nodemanagers 2"), out());
  }

  @Test
  void commandHelpShowsItsOptions() {
    assertEquals(0, run("up", "--help"));
    assertTrue(out().contains("--port-offset"), out());
    assertTrue(out().contains("--no-db"), out());
  }

  @Test
  void usageErrorsExitWith2AndSayWhatWasWrong() {
    assertEquals(2, run());
    assertEquals(2, run("launch"));
    assertTrue(err().contains("unknown command 'launch'"), err());
    assertEquals(2, run("up", "--datanodes", "three"));
    assertTrue(err().contains("Invalid --datanodes 'three'"), err());
    assertEquals(2, run("stop-node"));
    assertTrue(err().contains("give one node name"), err());
  }

  @Test
  void badNumbersAreUsageErrorsNamingTheOption(@TempDir Path home) {
    assertEquals(2, run("load-movielens", "--home", home.toString(), "--seed", "x42"));
    assertTrue(err().contains("Invalid --seed 'x42': expected a whole number"), err());
    assertEquals(2, run("db-up", "--home", home.toString(), "--db-port", "33o6"));
    assertTrue(err().contains("Invalid --db-port '33o6'"), err());
    assertEquals(2, run("start-node", "--home", home.toString(), "datanode-1", "--timeout", "1.5"));
    assertTrue(err().contains("Invalid --timeout '1.5'"), err());
  }

  @Test
  void everyRegisteredCommandIsInTheHelpAndHasItsOwn() {
    assertEquals(0, run("--help"));
    String help = out();
    for (SandboxCommands.Command c : SandboxCommands.all().values()) {
      assertTrue(help.contains("\n  " + c.name() + " ") || help.contains("\n  " + c.name() + "\n"),
          c.name() + " missing from help");
      out.reset();
      assertEquals(0, run(c.name(), "--help"), c.name());
      assertTrue(out().contains("bin/sandbox " + c.name() + c.arguments() + " [options]"), out());
    }
  }

  @Test
  void commandsOnAHomeWithoutSandboxFailWithTheFix(@TempDir Path home) {
    assertEquals(1, run("status", "--home", home.toString()));
    assertTrue(err().contains("No sandbox at " + home) && err().contains("bin/sandbox up --home " + home), err());
    assertEquals(0, run("down", "--home", home.toString()));
    assertTrue(out().contains("nothing to stop"), out());
  }

  @Test
  void anImpossibleTopologyIsRefusedBeforeAnythingStarts(@TempDir Path home) {
    assertEquals(1, run("up", "--home", home.toString(), "--datanodes", "2", "--replication", "3", "--no-db"));
    assertTrue(err().contains("Invalid --replication 3"), err());
  }

  @Test
  void aTakenPortIsNamedWithItsProcessAndTheWayOut(@TempDir Path home) throws Exception {
    int offset = 30000 + 100 * java.util.concurrent.ThreadLocalRandom.current().nextInt(100);
    int nameNodeHttp = 9870 + offset;
    try (java.net.ServerSocket taken = new java.net.ServerSocket(nameNodeHttp, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      assertEquals(1, run("up", "--home", home.toString(), "--port-offset", Integer.toString(offset), "--no-db"));
    }
    assertTrue(err().contains("port " + nameNodeHttp + " (namenode) is taken by java (pid "
        + ProcessHandle.current().pid() + ")"), err());
    assertTrue(err().contains("--port-offset"), err());
    assertEquals(0, run("down", "--home", home.toString()));
  }
}
