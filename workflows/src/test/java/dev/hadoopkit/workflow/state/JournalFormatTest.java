package dev.hadoopkit.workflow.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's on-disk format. {@code journal/format-1.jsonl} was written by the engine's code from before the
 * records were typed (one nullable 21-field record keyed by a string): every event type, a child process, a retry, a
 * rerun with new properties, a skipped node. It must replay to the same state and be written back byte for byte.
 */
class JournalFormatTest {
  private static final Path FIXTURE = Path.of("src/test/resources/journal/format-1.jsonl");

  @Test
  void journalWrittenBeforeTypedRecordsReplays() throws Exception {
    List<JournalRecord> records = Journal.read(FIXTURE);
    assertEquals(20, records.size());
    assertEquals(Set.of(JournalRecord.Submitted.class, JournalRecord.Status.class, JournalRecord.Start.class,
        JournalRecord.External.class, JournalRecord.Retry.class, JournalRecord.End.class, JournalRecord.Rerun.class),
        Set.copyOf(records.stream().map(Object::getClass).toList()), "every event type is in the fixture");

    RunState state = RunState.replay(records);
    assertEquals("0000001-000000000000000-hk-W", state.info().id());
    assertEquals("file:/apps/fixture", state.info().appPath());
    assertEquals("alice", state.info().user());
    assertEquals("0000000-000000000000000-hk-W", state.info().parent());
    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status());
    assertEquals(1, state.info().run());
    assertEquals("fixed", state.info().conf().get("queue"), "the rerun's properties replace the submitted ones");
    assertEquals(Set.of(":start:", "fork", "mr"), state.info().skipNodes());
    // the fixture's rerun records only mr as skipped, so the token the rerun put on :start: is still there
    assertEquals(Map.of(":start:", 1, "end", 1), state.tokens());
    assertEquals(2005, state.info().endTime());

    NodeRun mr = state.nodeRun("mr");
    assertTrue(mr.skipped(), "mr ended OK in run 0 and was skipped in run 1");
    assertEquals(2, mr.attempt());
    assertEquals("job_1700000000000_0001", mr.externalId());
    NodeRun sh = state.nodeRun("sh");
    assertEquals(NodeStatus.OK, sh.status());
    assertEquals(Map.of("rows", "9"), sh.data());
    assertFalse(sh.skipped());
  }

  @Test
  void oldRecordsReadAsTheirEventTypes() throws Exception {
    List<JournalRecord> records = Journal.read(FIXTURE);
    JournalRecord.External process = assertInstanceOf(JournalRecord.External.class, records.get(7));
    assertEquals("pid:4242", process.externalId());
    assertEquals(1004L, process.processStart());
    JournalRecord.Retry retry = assertInstanceOf(JournalRecord.Retry.class, records.get(8));
    assertEquals("JA018", retry.code());
    assertEquals(1106, retry.dueTime());
    JournalRecord.End mr = assertInstanceOf(JournalRecord.End.class, records.get(10));
    assertEquals(Map.of("MAP_INPUT_RECORDS", 10L), mr.counters().get("org.apache.hadoop.mapreduce.TaskCounter"));
    assertFalse(mr.skipped());
    assertTrue(assertInstanceOf(JournalRecord.End.class, records.get(15)).skipped());
    JournalRecord.End kill = assertInstanceOf(JournalRecord.End.class, records.get(12));
    assertEquals(NodeStatus.KILLED, kill.status());
    assertEquals("E0729", kill.code());
    assertEquals(List.of(), kill.to());
    JournalRecord.Rerun rerun = assertInstanceOf(JournalRecord.Rerun.class, records.get(14));
    assertEquals("queue", rerun.changed());
    assertEquals(List.of(":start:", "fork", "mr"), rerun.skip());
    JournalRecord.Status status = assertInstanceOf(JournalRecord.Status.class, records.get(13));
    assertEquals(WorkflowStatus.KILLED, status.status());
    assertEquals("sh failed", status.message());
  }

  @Test
  void typedRecordsWriteTheSameLines(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve(Journal.FILE_NAME);
    try (Journal journal = new Journal(copy, false)) {
      for (JournalRecord record : Journal.read(FIXTURE)) {
        journal.append(record);
      }
    }
    assertEquals(Files.readString(FIXTURE, StandardCharsets.UTF_8), Files.readString(copy, StandardCharsets.UTF_8));
  }
}
