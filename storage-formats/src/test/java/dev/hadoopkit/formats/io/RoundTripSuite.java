package dev.hadoopkit.formats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every format must do, on seeded random data: write then read gives the same records, projection, nulls,
 * logical types, byte ranges that split a file without losing or repeating a row, the commit protocol, and a
 * clear message for a truncated file. Subclassed once per format.
 */
abstract class RoundTripSuite {

  static final long SEED = 20261121L;

  @TempDir
  java.nio.file.Path directory;

  final Configuration conf = new Configuration();

  abstract FileFormat format();

  /** Settings that make a file of a few thousand rows hold several blocks, row groups or stripes. */
  abstract WriteBuilder smallUnits(WriteBuilder builder);

  Path path(String name) {
    return new Path(directory.resolve(name + "." + format().extension()).toUri());
  }

  Path write(String name, List<GenericRecord> records, Codec codec) throws IOException {
    Path path = path(name);
    try (FileAppender appender = smallUnits(Formats.write(path).format(format()).conf(conf).schema(RandomRecords.SCHEMA).codec(codec)).build()) {
      for (GenericRecord record : records) {
        appender.add(record);
      }
      assertEquals(records.size(), appender.count());
    }
    return path;
  }

  static List<GenericRecord> readAll(RecordReader reader) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    GenericRecord record;
    while ((record = reader.next()) != null) {
      records.add(GenericData.get().deepCopy(reader.schema(), record));
    }
    return records;
  }

  List<GenericRecord> read(Path path, List<String> columns) throws IOException {
    try (RecordReader reader = Formats.read(path).conf(conf).project(columns).build()) {
      return readAll(reader);
    }
  }

  @Test
  void writeThenReadGivesTheSameRecordsWithEveryCodec() throws IOException {
    List<GenericRecord> records = RandomRecords.generate(SEED, 3_000);
    for (Codec codec : Codec.values()) {
      Path path = write("all-" + codec.displayName(), records, codec);
      assertEquals(format(), FileFormat.detect(conf, path));
      List<GenericRecord> back = read(path, null);
      assertEquals(records.size(), back.size(), codec + ": row count");
      for (int i = 0; i < records.size(); i++) {
        assertEquals(records.get(i), back.get(i), codec + ": row " + i);
      }
      assertEquals(records.size(), Formats.count(conf, path));
    }
  }

  @Test
  void schemaSurvivesTheRoundTrip() throws IOException {
    Path path = write("schema", RandomRecords.generate(SEED, 10), Codec.DEFAULT);
    Schema schema = Formats.schema(conf, path);
    assertEquals(RandomRecords.SCHEMA.getFields().size(), schema.getFields().size());
    for (Schema.Field field : RandomRecords.SCHEMA.getFields()) {
      assertEquals(field.schema(), schema.getField(field.name()).schema(), field.name());
    }
  }

  @Test
  void projectionReadsOnlyTheAskedColumnsInTheAskedOrder() throws IOException {
    List<GenericRecord> records = RandomRecords.generate(SEED + 1, 500);
    Path path = write("projection", records, Codec.DEFAULT);
    List<GenericRecord> back = read(path, List.of("at", "id", "note"));
    assertEquals(List.of("at", "id", "note"), back.get(0).getSchema().getFields().stream().map(Schema.Field::name).toList());
    for (int i = 0; i < records.size(); i++) {
      assertEquals(records.get(i).get("at"), back.get(i).get(0));
      assertEquals(records.get(i).get("id"), back.get(i).get(1));
      assertEquals(String.valueOf(records.get(i).get("note")), String.valueOf(back.get(i).get(2)));
    }
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> read(path, List.of("id", "nope")));
    assertTrue(unknown.getMessage().startsWith("Cannot project column nope"), unknown.getMessage());
  }

  @Test
  void nullsAndLogicalTypesKeepTheirValues() throws IOException {
    List<GenericRecord> records = RandomRecords.generate(SEED + 2, 400);
    Path path = write("nulls", records, Codec.DEFAULT);
    List<GenericRecord> back = read(path, List.of("note", "day", "at", "blob"));
    int nullNotes = 0;
    int nullDays = 0;
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).get("note") == null) {
        nullNotes++;
        assertNull(back.get(i).get("note"), "row " + i);
      }
      if (records.get(i).get("day") == null) {
        nullDays++;
        assertNull(back.get(i).get("day"), "row " + i);
      } else {
        assertEquals(records.get(i).get("day"), back.get(i).get("day"), "date as days, row " + i);
      }
      assertEquals(records.get(i).get("at"), back.get(i).get("at"), "timestamp as millis, row " + i);
    }
    assertTrue(nullNotes > 50 && nullDays > 40, "the data has nulls: " + nullNotes + ", " + nullDays);
  }

  @Test
  void byteRangesSplitTheFileWithoutLosingOrRepeatingRows() throws IOException {
    List<GenericRecord> records = RandomRecords.generate(SEED + 3, 8_000);
    Path path = write("split", records, Codec.SNAPPY);
    long length = Files.size(java.nio.file.Path.of(path.toUri()));
    int parts = 4;
    long step = length / parts + 1;
    List<Integer> ids = new ArrayList<>();
    int nonEmpty = 0;
    for (long start = 0; start < length; start += step) {
      try (RecordReader reader = Formats.read(path).conf(conf).project("id").range(start, step).build()) {
        List<GenericRecord> part = readAll(reader);
        nonEmpty += part.isEmpty() ? 0 : 1;
        part.forEach(record -> ids.add((Integer) record.get(0)));
      }
    }
    assertTrue(nonEmpty >= 2, "expected rows in at least two of " + parts + " ranges, got " + nonEmpty);
    ids.sort(null);
    assertEquals(records.size(), ids.size());
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(i, ids.get(i));
    }
  }

  @Test
  void anExistingFileIsKeptUnlessOverwriteIsAsked() throws IOException {
    Path path = write("exists", RandomRecords.generate(SEED, 5), Codec.DEFAULT);
    FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class,
        () -> Formats.write(path).format(format()).conf(conf).schema(RandomRecords.SCHEMA).build());
    assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
    try (FileAppender appender = Formats.write(path).format(format()).conf(conf).schema(RandomRecords.SCHEMA).overwrite(true).build()) {
      appender.add(RandomRecords.generate(SEED + 9, 1).get(0));
    }
    assertEquals(1, Formats.count(conf, path));
  }

  @Test
  void nothingIsVisibleBeforeCloseAndAbortLeavesNothing() throws IOException {
    Path path = path("aborted");
    FileAppender appender = Formats.write(path).format(format()).conf(conf).schema(RandomRecords.SCHEMA).build();
    RandomRecords.generate(SEED, 100).forEach(record -> {
      try {
        appender.add(record);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertFalse(Files.exists(directory.resolve(path.getName())), "the target appears only on close");
    appender.abort();
    try (Stream<java.nio.file.Path> left = Files.list(directory)) {
      assertEquals(List.of(), left.toList(), "abort leaves no file, not even a hidden one");
    }
  }

  @Test
  void aTruncatedFileIsReportedWithItsName() throws IOException {
    Path path = write("truncated", RandomRecords.generate(SEED, 2_000), Codec.NONE);
    java.nio.file.Path local = java.nio.file.Path.of(path.toUri());
    try (RandomAccessFile file = new RandomAccessFile(local.toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }
    Files.deleteIfExists(local.resolveSibling("." + local.getFileName() + ".crc"));
    CorruptFileException error = assertThrows(CorruptFileException.class, () -> read(path, null));
    assertTrue(error.getMessage().startsWith("Cannot read " + format().displayName() + " file "), error.getMessage());
    assertTrue(error.getMessage().contains(path.getName()), error.getMessage());
    assertThrows(CorruptFileException.class, () -> Formats.count(conf, path));
  }
}
