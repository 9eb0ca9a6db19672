package dev.hadoopkit.formats.parquet;

import dev.hadoopkit.formats.io.CommittingAppender;
import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.ReadSettings;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.io.RowAppender;
import dev.hadoopkit.formats.io.RowLayout;
import dev.hadoopkit.formats.io.WriteBuilder;
import dev.hadoopkit.formats.io.WriteSettings;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;

/** Parquet files through parquet-avro, over any Hadoop filesystem. */
public final class Parquet {

  private Parquet() {
  }

  public static WriteBuilder write(Path path) {
    return Formats.write(path).format(FileFormat.PARQUET);
  }

  public static FileAppender appender(WriteSettings settings) throws IOException {
    return new ParquetAppender(settings);
  }

  /** Rows from typed column values, written without records: the same file as {@link #appender} writes. */
  public static RowAppender rowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    return new ParquetRowAppender(settings, layout);
  }

  public static RecordReader reader(ReadSettings settings) throws IOException {
    return new ParquetRecordReader(settings);
  }

  static CompressionCodecName codec(dev.hadoopkit.formats.io.Codec codec) {
    switch (codec) {
      case NONE:
        return CompressionCodecName.UNCOMPRESSED;
      case SNAPPY:
        return CompressionCodecName.SNAPPY;
      case GZIP:
        return CompressionCodecName.GZIP;
      case ZSTD:
        return CompressionCodecName.ZSTD;
      default:
        throw new IllegalArgumentException("Invalid codec for Parquet: " + codec);
    }
  }

  /** The footer, or a message naming the file when it is missing or damaged. */
  public static ParquetMetadata footer(Configuration conf, Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      return reader.getFooter();
    } catch (IOException | RuntimeException e) {
      throw new CorruptFileException(FileFormat.PARQUET, file, CorruptFileException.reason(e), e);
    }
  }

  /** The file's schema in Avro form: the one parquet-avro stored, else converted from the Parquet schema. */
  public static Schema avroSchema(Configuration conf, ParquetMetadata footer) {
    String stored = footer.getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema");
    if (stored == null) {
      stored = footer.getFileMetaData().getKeyValueMetaData().get("avro.schema");
    }
    if (stored != null) {
      return new Schema.Parser().parse(stored);
    }
    return new AvroSchemaConverter(conf).convert(footer.getFileMetaData().getSchema());
  }

  public static MessageType nativeSchema(Configuration conf, Path file) throws IOException {
    return footer(conf, file).getFileMetaData().getSchema();
  }

  public static long count(Configuration conf, Path file) throws IOException {
    long rows = 0;
    for (BlockMetaData block : footer(conf, file).getBlocks()) {
      rows += block.getRowCount();
    }
    return rows;
  }

  /** Row groups with their columns: codec, encodings, sizes and statistics. */
  public static void describe(Configuration conf, Path file, PrintStream out) throws IOException {
    ParquetMetadata footer = footer(conf, file);
    long size = file.getFileSystem(conf).getFileStatus(file).getLen();
    out.printf(Locale.ROOT, "file: %s%nformat: Parquet%nsize: %,d bytes%ncreated by: %s%n", file, size,
        footer.getFileMetaData().getCreatedBy());
    long rows = 0;
    int index = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      out.printf(Locale.ROOT, "row group %d: %,d rows, %,d bytes compressed, %,d bytes uncompressed%n", index++,
          block.getRowCount(), block.getCompressedSize(), block.getTotalByteSize());
      for (ColumnChunkMetaData column : block.getColumns()) {
        Statistics<?> stats = column.getStatistics();
        String range = stats == null || stats.isEmpty() || !stats.hasNonNullValue() ? "no min/max"
            : "min " + stats.minAsString() + ", max " + stats.maxAsString();
        out.printf(Locale.ROOT, "  %s: %s, %s, %,d bytes, nulls %s, %s%n", column.getPath().toDotString(),
            column.getPrimitiveType().getPrimitiveTypeName(), column.getCodec(), column.getTotalSize(),
            stats == null || !stats.isNumNullsSet() ? "?" : String.valueOf(stats.getNumNulls()), range);
      }
      rows += block.getRowCount();
    }
    out.printf(Locale.ROOT, "rows: %,d%n", rows);
  }

  private static final class ParquetAppender extends CommittingAppender {
    private final ParquetWriter<GenericRecord> writer;

    ParquetAppender(WriteSettings settings) throws IOException {
      super(settings);
      Configuration conf = new Configuration(settings.conf());
      settings.properties().forEach(conf::set);
      writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(temporaryPath(), conf))
          .withConf(conf)
          .withSchema(settings.schema())
          .withDataModel(GenericData.get())
          .withCompressionCodec(codec(settings.codec()))
          .withRowGroupSize(conf.getLong("parquet.block.size", ParquetWriter.DEFAULT_BLOCK_SIZE))
          .withPageSize(conf.getInt("parquet.page.size", ParquetWriter.DEFAULT_PAGE_SIZE))
          .build();
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

  private static final class ParquetRecordReader implements RecordReader {
    private final Path file;
    private final Schema schema;
    private final ParquetReader<GenericRecord> reader;

    ParquetRecordReader(ReadSettings settings) throws IOException {
      file = settings.path();
      Configuration conf = new Configuration(settings.conf());
      ParquetMetadata footer = footer(conf, file);
      Schema fileSchema = avroSchema(conf, footer);
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
}
