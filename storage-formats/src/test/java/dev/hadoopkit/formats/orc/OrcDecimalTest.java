package dev.hadoopkit.formats.orc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Schemas;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.TypeDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Avro decimals (unscaled bytes) are written as ORC decimal(p,s) columns and read back as the same values. */
class OrcDecimalTest {
  @TempDir
  Path tmp;

  @Test
  void decimalsRoundTripThroughAnOrcDecimalColumn() throws Exception {
    Schema decimal = LogicalTypes.decimal(12, 3).addToSchema(Schema.create(Schema.Type.BYTES));
    Schema schema = Schema.createRecord("t", null, null, false, List.of(
        new Schema.Field("price", Schemas.nullable(decimal), null, Schema.Field.NULL_DEFAULT_VALUE)));
    List<BigDecimal> values = Arrays.asList(new BigDecimal("123456789.012"), new BigDecimal("-0.001"),
        new BigDecimal("0.000"), null, new BigDecimal("-999999999.999"));
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(tmp.resolve("d.orc").toString());
    try (FileAppender appender = Formats.write(file).format(FileFormat.ORC).conf(conf).schema(schema).build()) {
      for (BigDecimal v : values) {
        GenericData.Record r = new GenericData.Record(schema);
        r.put(0, v == null ? null : ByteBuffer.wrap(v.unscaledValue().toByteArray()));
        appender.add(r);
      }
    }
    TypeDescription orc = Orc.nativeSchema(conf, file);
    assertEquals("struct<price:decimal(12,3)>", orc.toString());
    try (RecordReader reader = Formats.read(file).conf(conf).build()) {
      assertEquals(decimal, Schemas.nonNull(reader.schema().getField("price").schema()));
      for (BigDecimal expected : values) {
        GenericRecord r = reader.next();
        if (expected == null) {
          assertNull(r.get(0));
        } else {
          ByteBuffer b = ((ByteBuffer) r.get(0)).duplicate();
          byte[] bytes = new byte[b.remaining()];
          b.get(bytes);
          assertEquals(expected, new BigDecimal(new BigInteger(bytes), 3));
        }
      }
      assertNull(reader.next());
    }
  }
}
