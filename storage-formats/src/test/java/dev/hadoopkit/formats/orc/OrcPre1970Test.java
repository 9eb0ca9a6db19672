package dev.hadoopkit.formats.orc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.io.RowAppender;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.storage.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ORC timestamps before 1970 (with fractions), in year 1 and in year 9999 read back exactly, through this module and
 * through orc-core as a calendar-aware reader (orc-tools, Hive, Spark) sees them (issue 14 item 3). The last second
 * before 1970 with a fraction cannot be stored (orc-core reads it one second late) and is refused instead.
 */
class OrcPre1970Test {
  private static final Schema TIMESTAMP = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  private static final Schema RECORD = Schema.createRecord("t", null, null, false,
      List.of(new Schema.Field("at", TIMESTAMP)));

  @TempDir
  Path tmp;

  private org.apache.hadoop.fs.Path write(String name, List<Long> values) throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(tmp.resolve(name).toString());
    try (FileAppender appender = Formats.write(file).format(FileFormat.ORC).conf(new Configuration()).schema(RECORD)
        .build()) {
      for (long value : values) {
        GenericData.Record r = new GenericData.Record(RECORD);
        r.put(0, value);
        appender.add(r);
      }
    }
    return file;
  }

  @Test
  void timestampsBefore1970AndInYearsOneAndNineThousandReadBackExactly() throws Exception {
    List<Long> values = List.of(-1000L, -1001L, -1500L, -14182940500L, 0L, 1L, -62135596800000L, -62135596799999L,
        -12219292800001L, 253402300799999L);
    org.apache.hadoop.fs.Path file = write("t.orc", values);
    try (RecordReader reader = Formats.read(file).conf(new Configuration()).build()) {
      for (long expected : values) {
        assertEquals(expected, ((Number) reader.next().get(0)).longValue(), java.time.Instant.ofEpochMilli(expected)
            .toString());
      }
    }
    Configuration conf = new Configuration();
    try (Reader orc = OrcFile.createReader(file, OrcFile.readerOptions(conf).useUTCTimestamp(true)
        .convertToProlepticGregorian(true)); org.apache.orc.RecordReader rows = orc.rows()) {
      assertTrue(orc.writerUsedProlepticGregorian());
      VectorizedRowBatch batch = orc.getSchema().createRowBatch();
      assertTrue(rows.nextBatch(batch));
      TimestampColumnVector at = (TimestampColumnVector) batch.cols[0];
      for (int i = 0; i < values.size(); i++) {
        assertEquals(values.get(i), at.time[i], "row " + i + ": " + java.time.Instant.ofEpochMilli(values.get(i)));
      }
    }
  }

  @Test
  void theLastSecondBefore1970WithAFractionIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write("last.orc", List.of(-1L)));
    assertTrue(e.getMessage().contains("Cannot write ORC timestamp 1969-12-31T23:59:59.999Z (field at): ORC readers "
        + "read times within the last second before 1970-01-01 one second late (as 1970-01-01T00:00:00.999Z)"),
        e.getMessage());
  }

  /* A refused value is not a set field: the row stays incomplete (the counter counts after the value is stored). */
  @Test
  void aRefusedRowValueLeavesTheRowIncomplete() throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(tmp.resolve("rows.orc").toString());
    RowAppender rows = Formats.write(file).format(FileFormat.ORC).conf(new Configuration()).schema(RECORD).buildRows();
    try {
      assertThrows(IllegalArgumentException.class, () -> rows.setLong(0, -1L));
      IllegalStateException incomplete = assertThrows(IllegalStateException.class, rows::endRow);
      assertEquals("Cannot end a row with 0 of 1 fields set", incomplete.getMessage());
      rows.setLong(0, -1000L);
      rows.endRow();
      assertEquals(1, rows.count());
    } finally {
      rows.abort();
    }
  }
}
