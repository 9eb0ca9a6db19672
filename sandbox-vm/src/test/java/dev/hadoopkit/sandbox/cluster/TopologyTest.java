package dev.hadoopkit.sandbox.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {

  @Test
  void defaultsUseHadoopsUsualPorts() {
    Topology t = Topology.defaults();
    assertEquals(9000, t.nameNodeRpcPort());
    assertEquals(9870, t.nameNodeHttpPort());
    assertEquals(9864, t.dataNodeHttpPort(1));
    assertEquals(8088, t.rmHttpPort());
    assertEquals(8042, t.nodeManagerHttpPort(1));
    assertEquals(19888, t.historyHttpPort());
    assertEquals(13562, t.shufflePort(1));
    assertEquals(List.of("namenode", "datanode-1", "resourcemanager", "nodemanager-1", "jobhistory"),
        t.daemons().stream().map(DaemonSpec::name).toList());
  }

  @Test
  void everyPortIsDistinctForTheLargestTopologyAndMovesWithTheOffset() {
    Topology t = new Topology(9, 9, 3, 1000, true, true, 4306);
    Set<Integer> seen = new HashSet<>();
    for (DaemonSpec d : t.daemons()) {
      for (int port : d.ports()) {
        assertTrue(seen.add(port), "port " + port + " of " + d.name() + " is used twice");
      }
    }
    assertEquals(9 + 9 + 4, t.daemons().size());
    assertTrue(seen.contains(10000));
    assertTrue(seen.contains(9088));
    assertTrue(seen.contains(4306));
  }

  @Test
  void rejectsImpossibleTopologiesWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Topology(2, 1, 3, 0, false, false, 3306));
    assertEquals("Invalid --replication 3: use 1 to the number of DataNodes (2)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Topology(0, 1, 1, 0, false, false, 3306));
    assertThrows(IllegalArgumentException.class, () -> new Topology(1, 10, 1, 0, false, false, 3306));
    assertThrows(IllegalArgumentException.class, () -> new Topology(1, 1, 1, 60000, false, false, 3306));
  }

  @Test
  void savesAndLoadsItself(@TempDir Path dir) throws Exception {
    Topology t = new Topology(3, 2, 2, 500, true, true, 3806);
    Path file = dir.resolve("sandbox.properties");
    t.save(file);
    assertEquals(t, Topology.load(file));
  }

  @Test
  void namesOnlyKnownNodes() {
    Topology t = new Topology(2, 1, 1, 0, false, false, 3306);
    assertEquals(Role.DATANODE, t.daemon("datanode-2").role());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.daemon("datanode-3"));
    assertTrue(e.getMessage().contains("datanode-1, datanode-2"), e.getMessage());
  }
}
