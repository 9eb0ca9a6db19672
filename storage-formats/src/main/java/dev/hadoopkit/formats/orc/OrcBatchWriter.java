package dev.hadoopkit.formats.orc;

import dev.hadoopkit.formats.io.WriteSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;

/**
 * The ORC writer both appenders fill through one reused row batch, so records and typed column values make the same
 * file: same ORC types, writer options and Avro schema in the user metadata.
 */
final class OrcBatchWriter {
  private final Writer writer;
  private final VectorizedRowBatch batch;

  OrcBatchWriter(WriteSettings settings, Schema schema, Path path) throws IOException {
    TypeDescription type = OrcSchemas.toOrc(schema);
    Configuration conf = new Configuration(settings.conf());
    settings.properties().forEach(conf::set);
    writer = OrcFile.createWriter(path, OrcFile.writerOptions(conf)
        .setSchema(type)
        .compress(Orc.codec(settings.codec()))
        .useUTCTimestamp(true)
        // Avro and JDBC dates are proleptic Gregorian days; the hybrid Julian default makes calendar-aware readers
        // (orc-tools, Hive, Spark) shift dates before 1582 (0001-01-01 would read as 0001-01-03)
        .setProlepticGregorian(true)
        .overwrite(true));
    writer.addUserMetadata(Orc.AVRO_SCHEMA_KEY, StandardCharsets.UTF_8.encode(schema.toString()));
    batch = Orc.prolepticDates(type.createRowBatch());
  }

  /** The batch rows are set into; its size counts the rows set so far. */
  VectorizedRowBatch batch() {
    return batch;
  }

  /** Writes the batch once it is full, after a row was added to it. */
  void rowAdded() throws IOException {
    if (batch.size == batch.getMaxSize()) {
      writer.addRowBatch(batch);
      batch.reset();
    }
  }

  /** Writes the rows left in the batch and closes the file. */
  void close() throws IOException {
    try {
      if (batch.size > 0) {
        writer.addRowBatch(batch);
        batch.reset();
      }
    } finally {
      writer.close();
    }
  }
}
