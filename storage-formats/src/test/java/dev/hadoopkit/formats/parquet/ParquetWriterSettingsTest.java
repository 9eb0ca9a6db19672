package dev.hadoopkit.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RowAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both Parquet writers (records and typed rows) take ParquetOutputFormat's dictionary keys from the configuration,
 * globally and per column, as Hive, Spark and Sqoop's writer do; without them parquet-mr's default (dictionary on).
 */
class ParquetWriterSettingsTest {
  private static final Schema SCHEMA = SchemaBuilder.record("r").fields().requiredInt("id").requiredString("name")
      .endRecord();

  @TempDir
  java.nio.file.Path directory;

  @Test
  void dictionaryKeysApplyGloballyAndPerColumn() throws IOException {
    assertEquals("{id=true, name=true}", dictionaries(Map.of()));
    assertEquals("{id=false, name=false}", dictionaries(Map.of("parquet.enable.dictionary", "false")));
    assertEquals("{id=true, name=false}", dictionaries(Map.of("parquet.enable.dictionary#name", "false")));
    assertEquals("{id=false, name=true}",
        dictionaries(Map.of("parquet.enable.dictionary", "false", "parquet.enable.dictionary#name", "true")));
  }

  @Test
  void smallRowGroupsAndNullsGiveTheFileParquetAvroWrites() throws IOException {
    Schema schema = SchemaBuilder.record("r").fields().requiredLong("id").optionalString("name").optionalInt("n")
        .endRecord();
    Configuration conf = new Configuration(false);
    conf.setLong("parquet.block.size", 64 * 1024);
    conf.setInt("parquet.page.size", 8 * 1024);
    Path records = new Path(directory.resolve("groups-records.parquet").toUri());
    Path rows = new Path(directory.resolve("groups-rows.parquet").toUri());
    int count = 60_000;
    try (FileAppender out = Formats.write(records).format(FileFormat.PARQUET).conf(conf).schema(schema)
        .codec(Codec.SNAPPY).build()) {
      for (int i = 0; i < count; i++) {
        GenericData.Record r = new GenericData.Record(schema);
        r.put("id", i * 7919L);
        r.put("name", i % 5 == 0 ? null : "name " + (i * 31 % 9973));
        r.put("n", i % 3 == 0 ? null : i % 1000);
        out.add(r);
      }
    }
    try (RowAppender out = Formats.write(rows).format(FileFormat.PARQUET).conf(conf).schema(schema).codec(Codec.SNAPPY)
        .buildRows()) {
      for (int i = 0; i < count; i++) {
        out.setLong(0, i * 7919L);
        if (i % 5 == 0) {
          out.setNull(1);
        } else {
          out.setString(1, "name " + (i * 31 % 9973));
        }
        if (i % 3 == 0) {
          out.setNull(2);
        } else {
          out.setInt(2, i % 1000);
        }
        out.endRow();
      }
    }
    int groups = Parquet.footer(conf, rows).getBlocks().size();
    assertTrue(groups > 3, "several row groups, got " + groups);
    assertArrayEquals(Files.readAllBytes(java.nio.file.Path.of(records.toUri())),
        Files.readAllBytes(java.nio.file.Path.of(rows.toUri())), "the row writer writes parquet-avro's file");
  }

  /*
   * The row writer's INT32/INT64 dictionaries (PrimitiveDictionaryWriters) against parquet-mr's: twenty thousand
   * distinct values in random order (tables that grow many times), 0 and the extremes, a column that outgrows the
   * dictionary page and falls back to plain encoding, and small ones; with the default and a small dictionary page.
   */
  @Test
  void integerDictionariesGiveTheFileParquetAvroWrites() throws IOException {
    Schema schema = SchemaBuilder.record("r").fields().requiredLong("at").optionalInt("user").requiredInt("big")
        .requiredLong("rating").endRecord();
    for (int dictionaryPage : new int[] {1024 * 1024, 64 * 1024}) {
      Configuration conf = new Configuration(false);
      conf.setInt("parquet.dictionary.page.size", dictionaryPage);
      Path records = new Path(directory.resolve("dict-records-" + dictionaryPage + ".parquet").toUri());
      Path rows = new Path(directory.resolve("dict-rows-" + dictionaryPage + ".parquet").toUri());
      long[] at = new long[20_000];
      java.util.Random random = new java.util.Random(dictionaryPage);
      for (int i = 0; i < at.length; i++) {
        at[i] = i < 3 ? new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE}[i] : 874_724_710_000L + random.nextInt(1 << 24) * 1000L;
      }
      int count = 300_000;
      try (FileAppender out = Formats.write(records).format(FileFormat.PARQUET).conf(conf).schema(schema)
          .codec(Codec.SNAPPY).build()) {
        java.util.Random values = new java.util.Random(1);
        for (int i = 0; i < count; i++) {
          GenericData.Record r = new GenericData.Record(schema);
          r.put("at", at[values.nextInt(at.length)]);
          int user = values.nextInt(943) - 1;
          r.put("user", user < 0 ? null : user == 0 ? Integer.MIN_VALUE : user);
          r.put("big", values.nextInt());
          r.put("rating", (long) values.nextInt(5));
          out.add(r);
        }
      }
      try (RowAppender out = Formats.write(rows).format(FileFormat.PARQUET).conf(conf).schema(schema)
          .codec(Codec.SNAPPY).buildRows()) {
        java.util.Random values = new java.util.Random(1);
        for (int i = 0; i < count; i++) {
          out.setLong(0, at[values.nextInt(at.length)]);
          int user = values.nextInt(943) - 1;
          if (user < 0) {
            out.setNull(1);
          } else {
            out.setInt(1, user == 0 ? Integer.MIN_VALUE : user);
          }
          out.setInt(2, values.nextInt());
          out.setLong(3, values.nextInt(5));
          out.endRow();
        }
      }
      // Random ints outgrow any dictionary on the first page, the timestamps (160 KB of values) a 64 KB one.
      assertEquals("{at=" + (dictionaryPage > 160_000) + ", user=true, big=false, rating=true}", dictionaryPages(conf, rows));
      assertEquals(dictionaryPages(conf, records), dictionaryPages(conf, rows));
      assertArrayEquals(Files.readAllBytes(java.nio.file.Path.of(records.toUri())),
          Files.readAllBytes(java.nio.file.Path.of(rows.toUri())), "dictionary page size " + dictionaryPage);
    }
  }

  /** Per column, whether its chunk has a dictionary page, written by the record writer and by the row writer. */
  private String dictionaries(Map<String, String> settings) throws IOException {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    Path records = new Path(directory.resolve("records-" + settings.hashCode() + ".parquet").toUri());
    Path rows = new Path(directory.resolve("rows-" + settings.hashCode() + ".parquet").toUri());
    try (FileAppender out = Formats.write(records).format(FileFormat.PARQUET).conf(conf).schema(SCHEMA)
        .codec(Codec.SNAPPY).build()) {
      for (int i = 0; i < 1000; i++) {
        GenericData.Record r = new GenericData.Record(SCHEMA);
        r.put("id", i % 10);
        r.put("name", "name " + i % 7);
        out.add(r);
      }
    }
    try (RowAppender out = Formats.write(rows).format(FileFormat.PARQUET).conf(conf).schema(SCHEMA).codec(Codec.SNAPPY)
        .buildRows()) {
      for (int i = 0; i < 1000; i++) {
        out.setInt(0, i % 10);
        out.setString(1, "name " + i % 7);
        out.endRow();
      }
    }
    String fromRecords = dictionaryPages(conf, records);
    assertEquals(fromRecords, dictionaryPages(conf, rows), "the row writer follows the same settings");
    return fromRecords;
  }

  private static String dictionaryPages(Configuration conf, Path file) throws IOException {
    Map<String, Boolean> pages = new LinkedHashMap<>();
    for (ColumnChunkMetaData column : Parquet.footer(conf, file).getBlocks().get(0).getColumns()) {
      pages.put(column.getPath().toDotString(), column.hasDictionaryPage());
    }
    return pages.toString();
  }
}
