package dev.hadoopkit.formats.parquet;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/** Parquet files through parquet-avro, over any Hadoop filesystem. */
public final class Parquet {

  private Parquet() {
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

  /** Prefix of ParquetOutputFormat's per-column dictionary switch: {@code parquet.enable.dictionary#<column>}. */
  private static final String COLUMN_DICTIONARY = ParquetOutputFormat.ENABLE_DICTIONARY + "#";

  /**
   * The writer settings users give as ParquetOutputFormat's keys, as Hive, Spark and Sqoop's Kite writer read them:
   * {@code parquet.block.size}, {@code parquet.page.size}, {@code parquet.enable.dictionary} (also per column, as
   * {@code parquet.enable.dictionary#<column>}) and {@code parquet.dictionary.page.size}; parquet-mr's defaults
   * otherwise, so files without such keys are unchanged. The compression is {@code codec}.
   */
  static <B extends ParquetWriter.Builder<?, B>> B configure(B builder, Configuration conf,
      dev.hadoopkit.formats.io.Codec codec) {
    builder.withConf(conf)
        .withCompressionCodec(codec(codec))
        .withRowGroupSize(rowGroupSize(conf))
        .withPageSize(conf.getInt(ParquetOutputFormat.PAGE_SIZE, ParquetWriter.DEFAULT_PAGE_SIZE))
        .withDictionaryEncoding(conf.getBoolean(ParquetOutputFormat.ENABLE_DICTIONARY, true))
        .withDictionaryPageSize(conf.getInt(ParquetOutputFormat.DICTIONARY_PAGE_SIZE, ParquetWriter.DEFAULT_PAGE_SIZE));
    columnDictionaries(conf).forEach(builder::withDictionaryEncoding);
    return builder;
  }

  /** The per-column dictionary switches among {@code conf}'s keys: column path to on/off. */
  private static java.util.Map<String, Boolean> columnDictionaries(Configuration conf) {
    java.util.Map<String, Boolean> switches = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, String> setting : conf) {
      if (setting.getKey().startsWith(COLUMN_DICTIONARY) && setting.getKey().length() > COLUMN_DICTIONARY.length()) {
        switches.put(setting.getKey().substring(COLUMN_DICTIONARY.length()), Boolean.parseBoolean(setting.getValue().trim()));
      }
    }
    return switches;
  }

  /** The row group size {@link #configure} gives the writer: {@code parquet.block.size}, else parquet-mr's default. */
  static long rowGroupSize(Configuration conf) {
    return conf.getLong(ParquetOutputFormat.BLOCK_SIZE, ParquetWriter.DEFAULT_BLOCK_SIZE);
  }

  /**
   * The encoding properties a writer made by {@link #configure} uses, for writers that drive parquet-mr's column
   * store themselves ({@link FlatRowGroupWriter}): the same keys, the same defaults.
   */
  static ParquetProperties properties(Configuration conf) {
    ParquetProperties.Builder properties = ParquetProperties.builder()
        .withPageSize(conf.getInt(ParquetOutputFormat.PAGE_SIZE, ParquetWriter.DEFAULT_PAGE_SIZE))
        .withDictionaryEncoding(conf.getBoolean(ParquetOutputFormat.ENABLE_DICTIONARY, true))
        .withDictionaryPageSize(conf.getInt(ParquetOutputFormat.DICTIONARY_PAGE_SIZE, ParquetWriter.DEFAULT_PAGE_SIZE))
        // The INT32/INT64 dictionaries in flat tables: the same bytes as parquet-mr's, fewer cache misses.
        .withValuesWriterFactory(new PrimitiveDictionaryWriters());
    columnDictionaries(conf).forEach(properties::withDictionaryEncoding);
    return properties.build();
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
}
