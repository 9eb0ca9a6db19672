package dev.hadoopkit.formats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@link RowAppender} fed with the values of records writes what the record {@link FileAppender} writes for those
 * records: Parquet and ORC byte for byte (same schema, encodings, statistics and footer metadata), Avro (whose sync
 * marker is random) value for value; both read back as the same records and schema. Seeded random data with nulls,
 * decimals, dates, timestamps, bytes and non-ASCII text, in files of several row groups or stripes.
 */
class RowAppenderTest {

  /** Every field kind, most of them nullable, with a decimal (as ImportSchema writes them) and required fields. */
  static final Schema SCHEMA = SchemaBuilder.record("Row").namespace("dev.hadoopkit.test").fields()
      .requiredInt("id")
      .optionalLong("total")
      .optionalFloat("score")
      .optionalDouble("ratio")
      .optionalBoolean("flag")
      .requiredString("name")
      .optionalString("note")
      .name("day").type(nullable(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT)))).withDefault(null)
      .name("at").type(nullable(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))).withDefault(null)
      .name("clock").type(nullable(LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT)))).withDefault(null)
      .name("price").type(nullable(LogicalTypes.decimal(12, 3).addToSchema(Schema.create(Schema.Type.BYTES)))).withDefault(null)
      .name("big").type(nullable(LogicalTypes.decimal(38, 0).addToSchema(Schema.create(Schema.Type.BYTES)))).withDefault(null)
      .optionalBytes("blob")
      .endRecord();

  @TempDir
  java.nio.file.Path directory;

  final Configuration conf = new Configuration();

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  static List<GenericRecord> records(long seed, int count) {
    Random random = new Random(seed);
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ,.;:'\"-\téü東京😀";
    List<GenericRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      GenericData.Record record = new GenericData.Record(SCHEMA);
      record.put("id", i);
      record.put("total", random.nextInt(6) == 0 ? null : random.nextLong());
      record.put("score", random.nextInt(6) == 0 ? null : random.nextFloat() * 10);
      record.put("ratio", random.nextInt(6) == 0 ? null : random.nextGaussian());
      record.put("flag", random.nextInt(6) == 0 ? null : random.nextBoolean());
      record.put("name", text(random, alphabet, 1 + random.nextInt(20)));
      record.put("note", random.nextInt(4) == 0 ? null : text(random, alphabet, random.nextInt(30)));
      record.put("day", random.nextInt(5) == 0 ? null : -3650 + random.nextInt(25_000));
      record.put("at", random.nextInt(5) == 0 ? null : -100_000_000_000L + (long) (random.nextDouble() * 2_000_000_000_000L));
      record.put("clock", random.nextInt(5) == 0 ? null : random.nextInt(86_400_000));
      record.put("price", random.nextInt(5) == 0 ? null
          : ByteBuffer.wrap(BigInteger.valueOf(random.nextLong() % 1_000_000_000_000L).toByteArray()));
      record.put("big", random.nextInt(5) == 0 ? null
          : ByteBuffer.wrap(new BigInteger(120, random).subtract(BigInteger.ONE.shiftLeft(119)).toByteArray()));
      if (random.nextInt(3) == 0) {
        record.put("blob", null);
      } else {
        byte[] bytes = new byte[random.nextInt(12)];
        random.nextBytes(bytes);
        record.put("blob", ByteBuffer.wrap(bytes));
      }
      records.add(record);
    }
    return records;
  }

  private static String text(Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int start = random.nextInt(alphabet.length());
      text.append(Character.isHighSurrogate(alphabet.charAt(start)) ? alphabet.substring(start, start + 2)
          : Character.isLowSurrogate(alphabet.charAt(start)) ? "x" : alphabet.substring(start, start + 1));
    }
    return text.toString();
  }

  /** Sets one record's values through the appender's typed setters. */
  static void setRow(RowAppender rows, GenericRecord record) throws IOException {
    RowLayout layout = rows.layout();
    for (int i = 0; i < layout.size(); i++) {
      Object value = record.get(i);
      if (value == null) {
        rows.setNull(i);
        continue;
      }
      switch (layout.kind(i)) {
        case BOOLEAN:
          rows.setBoolean(i, (Boolean) value);
          break;
        case INT:
          rows.setInt(i, (Integer) value);
          break;
        case LONG:
          rows.setLong(i, (Long) value);
          break;
        case FLOAT:
          rows.setFloat(i, (Float) value);
          break;
        case DOUBLE:
          rows.setDouble(i, (Double) value);
          break;
        case STRING:
          rows.setString(i, value.toString());
          break;
        case BYTES:
          rows.setBytes(i, bytes((ByteBuffer) value));
          break;
        case DECIMAL:
          rows.setDecimal(i, new BigDecimal(new BigInteger(bytes((ByteBuffer) value)), layout.scale(i)));
          break;
        default:
          throw new AssertionError(layout.kind(i));
      }
    }
    rows.endRow();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  /** Small row groups, pages and stripes, so a few thousand rows span several of them. */
  private static WriteBuilder builder(Path path, FileFormat format) {
    return Formats.write(path).format(format).schema(SCHEMA).codec(Codec.SNAPPY)
        .set("parquet.block.size", "49152").set("parquet.page.size", "8192")
        .set("parquet.block.size.row.check.min", "100").set("parquet.block.size.row.check.max", "1000")
        .set("orc.stripe.size", "65536").set("orc.row.index.stride", "1000");
  }

  private Path path(String name, FileFormat format) {
    return new Path(directory.resolve(name + "." + format.extension()).toUri());
  }

  private List<GenericRecord> read(Path path) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    try (RecordReader reader = Formats.read(path).conf(conf).build()) {
      GenericRecord record;
      while ((record = reader.next()) != null) {
        out.add(GenericData.get().deepCopy(reader.schema(), record));
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"AVRO", "PARQUET", "ORC"})
  void writesTheFileTheRecordAppenderWrites(FileFormat format) throws IOException {
    List<GenericRecord> records = records(20261122L, 5_000);
    Path byRecords = path("records", format);
    try (FileAppender appender = builder(byRecords, format).conf(conf).build()) {
      for (GenericRecord record : records) {
        appender.add(record);
      }
    }
    Path byRows = path("rows", format);
    try (RowAppender rows = builder(byRows, format).conf(conf).buildRows()) {
      for (GenericRecord record : records) {
        setRow(rows, record);
      }
      assertEquals(records.size(), rows.count());
    }

    assertEquals(Formats.schema(conf, byRecords), Formats.schema(conf, byRows));
    assertEquals(SCHEMA, Formats.schema(conf, byRows));
    List<GenericRecord> expected = read(byRecords);
    List<GenericRecord> actual = read(byRows);
    assertEquals(records.size(), actual.size());
    for (int i = 0; i < records.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i);
      assertEquals(records.get(i), actual.get(i), "row " + i + " against what was written");
    }
    if (format != FileFormat.AVRO) {
      assertTrue(Formats.count(conf, byRows) == records.size());
      assertArrayEquals(Files.readAllBytes(local(byRecords)), Files.readAllBytes(local(byRows)),
          format.displayName() + " files differ");
    }
  }

  private static java.nio.file.Path local(Path path) {
    return java.nio.file.Path.of(path.toUri());
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"AVRO", "PARQUET", "ORC"})
  void wrongValuesAreRefusedAndAbortLeavesNothing(FileFormat format) throws IOException {
    Path path = path("refused", format);
    RowAppender rows = builder(path, format).conf(conf).buildRows();
    IllegalArgumentException notNull = assertThrows(IllegalArgumentException.class, () -> rows.setNull(0));
    assertEquals("Cannot set field id to null: it is not nullable", notNull.getMessage());
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> rows.setLong(0, 1L));
    assertEquals("Cannot set field id of kind INT to a LONG value", kind.getMessage());
    IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
        () -> rows.setDecimal(10, new BigDecimal("1.5")));
    assertEquals("Cannot set decimal field price of scale 3 to 1.5 (scale 1)", scale.getMessage());
    rows.setInt(0, 1);
    rows.setString(5, "only two fields");
    IllegalStateException incomplete = assertThrows(IllegalStateException.class, rows::endRow);
    assertEquals("Cannot end a row with 2 of 13 fields set", incomplete.getMessage());
    rows.abort();
    try (Stream<java.nio.file.Path> left = Files.list(directory)) {
      assertEquals(List.of(), left.toList(), "abort leaves no file, not even a hidden one");
    }
    assertFalse(Files.exists(local(path)));
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"AVRO", "PARQUET", "ORC"})
  void nestedFieldsAreRefusedBeforeAnyFileIsCreated(FileFormat format) {
    Schema nested = SchemaBuilder.record("Nested").fields().name("tags").type().array().items().stringType().noDefault()
        .endRecord();
    Path path = path("nested", format);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Formats.write(path).format(format).conf(conf).schema(nested).buildRows());
    assertTrue(error.getMessage().startsWith("Cannot write rows with field tags of type"), error.getMessage());
    assertFalse(Files.exists(local(path)));
  }
}
