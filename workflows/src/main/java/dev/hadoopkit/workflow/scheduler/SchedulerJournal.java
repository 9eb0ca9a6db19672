package dev.hadoopkit.workflow.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
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
 * The daemon's append-only journal ({@code <state dir>/scheduler/journal.jsonl}), one JSON record per line. The
 * scheduler appends the records of one pass together and forces them with a single {@code fdatasync} (group commit)
 * before acting on them, so a thousand coordinators due in the same second cost one disk flush, not a thousand. A
 * torn last line is ignored on replay: it was never acted on.
 */
public final class SchedulerJournal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final boolean sync;
  private FileChannel channel;

  public SchedulerJournal(Path file, boolean sync) {
    this.file = file;
    this.sync = sync;
  }

  public Path file() {
    return file;
  }

  /** Appends records in order with one write and, when syncing, one flush. */
  public synchronized void append(List<SchedulerRecord> records) throws IOException {
    if (records.isEmpty()) {
      return;
    }
    if (channel == null) {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    }
    StringBuilder text = new StringBuilder(records.size() * 96);
    for (SchedulerRecord record : records) {
      text.append(JSON.writeValueAsString(record)).append('\n');
    }
    ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    if (sync) {
      channel.force(false);
    }
  }

  /** Every complete record, in order; an empty list when there is no journal yet. */
  public static List<SchedulerRecord> read(Path file) throws IOException {
    List<SchedulerRecord> records = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return records;
    }
    long size = Files.size(file);
    long consumed = 0;
    int lineNumber = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        consumed += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (line.isBlank()) {
          continue;
        }
        if (consumed > size) {
          break; // a torn last line (no newline): the write never completed
        }
        try {
          records.add(JSON.readValue(line, SchedulerRecord.class));
        } catch (JsonProcessingException e) {
          throw new IOException("Corrupt scheduler journal " + file + " at line " + lineNumber + ": "
              + e.getOriginalMessage() + ". Move the file away to start with an empty scheduler state.", e);
        }
      }
    }
    return records;
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
