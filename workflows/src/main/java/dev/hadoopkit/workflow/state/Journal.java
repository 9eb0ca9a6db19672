package dev.hadoopkit.workflow.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's append-only journal: one JSON object per line in {@code journal.jsonl}. A record is written with a single
 * {@code write} of a whole line; records that state a fact replay cannot recompute (an action's or a decision's
 * result, the run's status) are forced to disk before the engine acts on them. A torn last line (a crash in the
 * middle of a write) is ignored on replay, so the journal always describes a state the engine really reached.
 */
public final class Journal implements AutoCloseable {
  public static final String FILE_NAME = "journal.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final boolean sync;
  private FileChannel channel;
  private boolean closed;

  public Journal(Path file, boolean sync) {
    this.file = file;
    this.sync = sync;
  }

  public Path file() {
    return file;
  }

  /** Appends a record and forces it (and every record before it) to disk. */
  public void append(JournalRecord record) throws IOException {
    append(record, true);
  }

  /**
   * Appends a record; {@code force} makes it durable before returning. Records that replay can recompute (an action
   * start, a fork) need not be forced: the next forced record makes them durable too.
   */
  public synchronized void append(JournalRecord record, boolean force) throws IOException {
    if (closed) {
      throw new IOException("Cannot append to " + file + ": the journal is closed (the run's engine has stopped)");
    }
    if (channel == null) {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    }
    byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    if (sync && force) {
      channel.force(false);
    }
  }

  /** All complete records of a journal file, in order. */
  public static List<JournalRecord> read(Path file) throws IOException {
    List<JournalRecord> records = new ArrayList<>();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        break; // a torn last line: the write never completed
      }
      String line = text.substring(start, newline).trim();
      start = newline + 1;
      if (line.isEmpty()) {
        continue;
      }
      try {
        records.add(JSON.readValue(line, JournalRecord.class));
      } catch (JsonProcessingException e) {
        throw new IOException("Corrupt journal " + file + " at record " + (records.size() + 1) + ": "
            + e.getOriginalMessage(), e);
      }
    }
    return records;
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
