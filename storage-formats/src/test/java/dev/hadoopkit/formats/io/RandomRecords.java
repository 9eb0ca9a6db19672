package dev.hadoopkit.formats.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Seeded random records of a schema with every type the formats here carry, nulls and logical types included. */
final class RandomRecords {

  static final Schema SCHEMA = SchemaBuilder.record("Sample").namespace("dev.hadoopkit.test").fields()
      .requiredInt("id")
      .requiredLong("total")
      .requiredFloat("score")
      .requiredDouble("ratio")
      .requiredBoolean("flag")
      .requiredString("name")
      .optionalString("note")
      .name("day").type(Schema.createUnion(Schema.create(Schema.Type.NULL), LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT)))).withDefault(null)
      .name("at").type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
      .optionalBytes("blob")
      .endRecord();

  private RandomRecords() {
  }

  static List<GenericRecord> generate(long seed, int count) {
    Random random = new Random(seed);
    List<GenericRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      GenericData.Record record = new GenericData.Record(SCHEMA);
      record.put("id", i);
      record.put("total", random.nextLong());
      record.put("score", random.nextFloat() * 10);
      record.put("ratio", random.nextGaussian());
      record.put("flag", random.nextBoolean());
      record.put("name", randomText(random, 1 + random.nextInt(20)));
      record.put("note", random.nextInt(4) == 0 ? null : randomText(random, random.nextInt(30)));
      record.put("day", random.nextInt(5) == 0 ? null : -3650 + random.nextInt(25_000));
      record.put("at", 1_000_000_000_000L + (long) (random.nextDouble() * 900_000_000_000L));
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

  /** Letters, digits, punctuation and some non-ASCII (é, ü, 東) so encodings are exercised. */
  private static String randomText(Random random, int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:'\"-éü東";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
