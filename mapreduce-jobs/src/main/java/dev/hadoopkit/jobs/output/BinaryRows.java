package dev.hadoopkit.jobs.output;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.text.TextValues;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Rows of a job's Parquet/ORC/Avro part file as the same strings its text output would hold. */
final class BinaryRows {

  private BinaryRows() {
  }

  static boolean isBinary(Configuration conf, Path file) throws IOException {
    return FileFormat.detect(conf, file) != FileFormat.TEXT;
  }

  static void read(Configuration conf, Path file, List<String[]> rows) throws IOException {
    try (RecordReader reader = dev.hadoopkit.formats.io.Formats.read(file).conf(conf).build()) {
      List<Schema.Field> fields = reader.schema().getFields();
      GenericRecord record;
      while ((record = reader.next()) != null) {
        String[] row = new String[fields.size()];
        for (int i = 0; i < row.length; i++) {
          Object value = record.get(i);
          if (value instanceof Double) {
            row[i] = fields.get(i).name().equals("rating") ? OutputNumbers.rating((Double) value) : OutputNumbers.average((Double) value);
          } else {
            row[i] = TextValues.format(value, fields.get(i).schema());
          }
        }
        rows.add(row);
      }
    }
  }
}
