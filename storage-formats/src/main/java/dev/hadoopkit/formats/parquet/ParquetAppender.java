package dev.hadoopkit.formats.parquet;

import dev.hadoopkit.formats.io.CommittingAppender;
import dev.hadoopkit.formats.io.WriteSettings;
import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/** Parquet files from records, through parquet-avro's writer. */
final class ParquetAppender extends CommittingAppender {
  private final ParquetWriter<GenericRecord> writer;

  ParquetAppender(WriteSettings settings) throws IOException {
    super(settings);
    Configuration conf = new Configuration(settings.conf());
    settings.properties().forEach(conf::set);
    AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(
        HadoopOutputFile.fromPath(temporaryPath(), conf))
        .withSchema(settings.schema())
        .withDataModel(GenericData.get());
    writer = Parquet.configure(builder, conf, settings.codec()).build();
  }

  @Override
  protected void write(GenericRecord record) throws IOException {
    writer.write(record);
  }

  @Override
  protected void finish() throws IOException {
    writer.close();
  }
}
