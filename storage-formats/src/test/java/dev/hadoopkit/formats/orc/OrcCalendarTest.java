package dev.hadoopkit.formats.orc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.storage.ql.exec.vector.DateColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ORC files say which calendar their dates use; written with the hybrid Julian/Gregorian one (ORC's default), a
 * reader that honours it — orc-tools, Hive, Spark — turns 0001-01-01 into 0001-01-03. Avro dates are proleptic
 * Gregorian days, so the files must say proleptic Gregorian, and every reader then reads the days as written.
 */
class OrcCalendarTest {
  @TempDir
  Path tmp;

  @Test
  void datesAreWrittenProlepticGregorianAndReadBackExactly() throws Exception {
    Schema date = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    Schema schema = Schema.createRecord("t", null, null, false, List.of(new Schema.Field("d", date)));
    List<LocalDate> values = List.of(LocalDate.of(1, 1, 1), LocalDate.of(1582, 10, 4), LocalDate.of(1969, 12, 31),
        LocalDate.of(9999, 12, 31));
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(tmp.resolve("dates.orc").toString());
    try (FileAppender appender = Formats.write(file).format(FileFormat.ORC).conf(conf).schema(schema).build()) {
      for (LocalDate value : values) {
        GenericData.Record r = new GenericData.Record(schema);
        r.put(0, (int) value.toEpochDay());
        appender.add(r);
      }
    }
    try (Reader orc = OrcFile.createReader(file, OrcFile.readerOptions(conf).convertToProlepticGregorian(true))) {
      assertTrue(orc.writerUsedProlepticGregorian(), "the file must declare the proleptic Gregorian calendar");
      // as a calendar-aware reader sees them (orc-tools, Hive): proleptic days, unchanged
      try (org.apache.orc.RecordReader rows = orc.rows()) {
        VectorizedRowBatch batch = orc.getSchema().createRowBatch();
        assertTrue(rows.nextBatch(batch));
        DateColumnVector days = (DateColumnVector) batch.cols[0];
        for (int i = 0; i < values.size(); i++) {
          assertEquals(values.get(i), LocalDate.ofEpochDay(days.vector[i]), "row " + i);
        }
      }
    }
    try (RecordReader reader = Formats.read(file).conf(conf).build()) {
      for (LocalDate expected : values) {
        assertEquals((int) expected.toEpochDay(), ((Number) reader.next().get(0)).intValue());
      }
    }
  }
}
