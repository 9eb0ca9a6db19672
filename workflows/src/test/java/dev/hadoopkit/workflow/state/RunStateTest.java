package dev.hadoopkit.workflow.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

  @Test
  void tokensFollowForkAndJoin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("journal.jsonl");
    try (Journal journal = new Journal(file, true)) {
      journal.append(JournalRecord.submitted(1, "id", "file:/app", "w", "u", Map.of("k", "v"), null));
      journal.append(JournalRecord.status(2, WorkflowStatus.RUNNING, null));
      journal.append(JournalRecord.end(3, ":start:", NodeStatus.OK, List.of("f"), null, null, null, null, false));
      journal.append(JournalRecord.end(4, "f", NodeStatus.OK, List.of("a", "b"), null, null, null, null, false));
      journal.append(JournalRecord.start(5, "a", 1));
      journal.append(JournalRecord.start(5, "b", 1));
      journal.append(JournalRecord.external(6, "a", "pid:1"));
      journal.append(JournalRecord.end(7, "a", NodeStatus.OK, List.of("j"), null, null, Map.of("x", "1"), null,
          false));
    }
    RunState state = RunState.replay(Journal.read(file));
    assertEquals(Map.of("b", 1, "j", 1), state.tokens());
    assertEquals(NodeStatus.RUNNING, state.nodeRun("b").status());
    assertEquals("pid:1", state.nodeRun("a").externalId());
    assertEquals(Map.of("x", "1"), state.nodeRun("a").data());
    assertEquals(WorkflowStatus.RUNNING, state.info().status());

    try (Journal journal = new Journal(file, true)) {
      journal.append(JournalRecord.end(8, "b", NodeStatus.OK, List.of("j"), null, null, null, null, false));
      journal.append(JournalRecord.end(9, "j", NodeStatus.OK, List.of("end"), null, null, null, null, false));
    }
    state = RunState.replay(Journal.read(file));
    assertEquals(Map.of("end", 1), state.tokens());
  }

  @Test
  void tornLastLineIsIgnored(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("journal.jsonl");
    try (Journal journal = new Journal(file, false)) {
      journal.append(JournalRecord.submitted(1, "id", "file:/app", "w", "u", Map.of(), null));
      journal.append(JournalRecord.status(2, WorkflowStatus.RUNNING, null));
    }
    Files.writeString(file, "{\"type\":\"end\",\"time\":3,\"node\":\":sta", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    List<JournalRecord> records = Journal.read(file);
    assertEquals(2, records.size());
    assertEquals(Map.of(":start:", 1), RunState.replay(records).tokens());
  }

  @Test
  void rerunKeepsOnlySkippedNodesAndCountsRuns(@TempDir Path dir) throws Exception {
    RunState state = new RunState();
    state.apply(JournalRecord.submitted(1, "id", "file:/app", "w", "u", Map.of(), null));
    state.apply(JournalRecord.end(2, "a", NodeStatus.OK, List.of("b"), null, null, Map.of("k", "v"), null, false));
    state.apply(JournalRecord.end(3, "b", NodeStatus.ERROR, List.of("fail"), "1", "bad", null, null, false));
    state.apply(JournalRecord.status(4, WorkflowStatus.KILLED, "x"));
    assertEquals("b", state.info().lastErrorNode());
    state.apply(JournalRecord.rerun(5, 1, List.of("a")));
    assertEquals(1, state.info().run());
    assertEquals(WorkflowStatus.RUNNING, state.info().status());
    assertEquals(NodeStatus.OK, state.nodeRun("a").status());
    assertEquals(null, state.nodeRun("b"));
    assertTrue(state.info().skipNodes().contains("a"));
  }

  @Test
  void idsGrowAndLocksExclude(@TempDir Path dir) throws Exception {
    RunStore store = new RunStore(dir, false);
    String first = store.newRun(0);
    String second = store.newRun(0);
    assertTrue(first.startsWith("0000001-") && first.endsWith("-hk-W"), first);
    assertTrue(second.startsWith("0000002-"), second);
    try (var lock = store.tryLock(first).orElseThrow()) {
      assertTrue(store.tryLock(first).isEmpty());
    }
    assertTrue(store.tryLock(first).isPresent());
  }
}
