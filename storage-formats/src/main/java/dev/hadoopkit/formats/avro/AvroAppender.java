package dev.hadoopkit.formats.avro;

import dev.hadoopkit.formats.io.CommittingAppender;
import dev.hadoopkit.formats.io.WriteSettings;
import java.io.IOException;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericRecord;

/** Avro container files from records. */
final class AvroAppender extends CommittingAppender {
  private final DataFileWriter<GenericRecord> writer;

  AvroAppender(WriteSettings settings) throws IOException {
    super(settings);
    writer = Avro.createWriter(settings, fileSystem(), temporaryPath());
  }

  @Override
  protected void write(GenericRecord record) throws IOException {
    writer.append(record);
  }

  @Override
  protected void finish() throws IOException {
    writer.close();
  }
}
