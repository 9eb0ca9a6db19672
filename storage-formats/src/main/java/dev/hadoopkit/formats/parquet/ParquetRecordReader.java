package dev.hadoopkit.formats.parquet;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.ReadSettings;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Records from a Parquet file (or the row groups of a range) through parquet-avro, projected to the columns asked for. */
final class ParquetRecordReader implements RecordReader {
  private final Path file;
  private final Schema schema;
  private final ParquetReader<GenericRecord> reader;

  ParquetRecordReader(ReadSettings settings) throws IOException {
    file = settings.path();
    Configuration conf = new Configuration(settings.conf());
    ParquetMetadata footer = Parquet.footer(conf, file);
    Schema fileSchema = Parquet.avroSchema(conf, footer);
    schema = Schemas.project(fileSchema, settings.columns(), file);
    if (settings.columns() != null) {
      AvroReadSupport.setRequestedProjection(conf, schema);
      AvroReadSupport.setAvroReadSchema(conf, schema);
    }
    try {
      AvroParquetReader.Builder<GenericRecord> avroBuilder = AvroParquetReader
          .<GenericRecord>builder(HadoopInputFile.fromPath(file, conf))
          .withDataModel(GenericData.get());
      ParquetReader.Builder<GenericRecord> builder = avroBuilder.withConf(conf);
      if (!settings.wholeFile()) {
        builder.withFileRange(settings.start(), settings.end());
      }
      reader = builder.build();
    } catch (IOException | RuntimeException e) {
      throw new CorruptFileException(FileFormat.PARQUET, file, CorruptFileException.reason(e), e);
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public GenericRecord next() throws IOException {
    try {
      return reader.read();
    } catch (IOException | RuntimeException e) {
      throw new CorruptFileException(FileFormat.PARQUET, file, CorruptFileException.reason(e), e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
