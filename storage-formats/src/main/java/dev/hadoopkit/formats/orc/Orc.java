package dev.hadoopkit.formats.orc;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.TypeDescription;
import org.apache.orc.storage.ql.exec.vector.ColumnVector;
import org.apache.orc.storage.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;

/**
 * ORC files through orc-core (nohive). The Avro schema a file was written with is kept in the file's user
 * metadata ({@value #AVRO_SCHEMA_KEY}) so a round trip gives back the same schema; files from other writers are
 * read with a schema derived from their ORC types.
 */
public final class Orc {

  /** User metadata key holding the Avro schema of files written here. */
  public static final String AVRO_SCHEMA_KEY = "avro.schema";

  private Orc() {
  }

  /**
   * Fails for the one range of instants ORC cannot hold: within the last second before 1970-01-01 with a fraction
   * (-999 to -1 ms). orc-core stores whole seconds rounded toward zero plus the fraction and reads a negative time
   * back as one second earlier, so for those values the sign is lost: 1969-12-31 23:59:59.999 would come back from
   * every Java reader (orc-tools, Hive, Spark, this one) as 1970-01-01 00:00:00.999. Every other value, before 1970
   * with fractions too, round-trips exactly.
   */
  static void checkRepresentable(long millis, String field) {
    if (millis < 0 && millis > -1000) {
      throw new IllegalArgumentException("Cannot write ORC timestamp " + java.time.Instant.ofEpochMilli(millis)
          + " (field " + field + "): ORC readers read times within the last second before 1970-01-01 one second late "
          + "(as " + java.time.Instant.ofEpochMilli(millis + 1000) + "); write Parquet or Avro files for such values");
    }
  }

  /**
   * The batch's date vectors set to the proleptic Gregorian calendar without converting their (still empty) values:
   * a writer set to proleptic Gregorian would otherwise read the days it is given as hybrid Julian ones and shift
   * every date before 1582.
   */
  static VectorizedRowBatch prolepticDates(VectorizedRowBatch batch) {
    for (ColumnVector column : batch.cols) {
      prolepticDates(column);
    }
    return batch;
  }

  private static void prolepticDates(ColumnVector column) {
    if (column instanceof org.apache.orc.storage.ql.exec.vector.DateColumnVector dates) {
      dates.changeCalendar(true, false);
    } else if (column instanceof TimestampColumnVector timestamps) {
      // the same for timestamps: epoch millis are proleptic Gregorian (0001-01-01 read back as 0001-01-03 otherwise)
      timestamps.changeCalendar(true, false);
    } else if (column instanceof org.apache.orc.storage.ql.exec.vector.StructColumnVector struct) {
      for (ColumnVector field : struct.fields) {
        prolepticDates(field);
      }
    } else if (column instanceof org.apache.orc.storage.ql.exec.vector.ListColumnVector list) {
      prolepticDates(list.child);
    } else if (column instanceof org.apache.orc.storage.ql.exec.vector.MapColumnVector map) {
      prolepticDates(map.keys);
      prolepticDates(map.values);
    }
  }

  static CompressionKind codec(dev.hadoopkit.formats.io.Codec codec) {
    switch (codec) {
      case NONE:
        return CompressionKind.NONE;
      case SNAPPY:
        return CompressionKind.SNAPPY;
      case GZIP:
        return CompressionKind.ZLIB;
      case ZSTD:
        return CompressionKind.ZSTD;
      default:
        throw new IllegalArgumentException("Invalid codec for ORC: " + codec);
    }
  }

  /** Opens the file's footer, or fails with a message naming the file. */
  public static Reader open(Configuration conf, Path file) throws IOException {
    return open(conf, file, file.getFileSystem(conf));
  }

  /** Opens the file's footer, reading through {@code fileSystem}, or fails with a message naming the file. */
  public static Reader open(Configuration conf, Path file, FileSystem fileSystem) throws IOException {
    try {
      // dates come back as proleptic Gregorian days whatever calendar the file was written with (Avro's, JDBC's)
      return OrcFile.createReader(file, OrcFile.readerOptions(conf).filesystem(fileSystem).useUTCTimestamp(true)
          .convertToProlepticGregorian(true));
    } catch (IOException | RuntimeException e) {
      long length = file.getFileSystem(conf).getFileStatus(file).getLen();
      throw new CorruptFileException(FileFormat.ORC, file, "its tail (postscript and footer) is invalid, the file is truncated or damaged ("
          + length + " bytes): " + CorruptFileException.reason(e), e);
    }
  }

  /** The Avro schema the file was written with, else one derived from its ORC types. */
  public static Schema avroSchema(Reader reader) {
    if (reader.hasMetadataValue(AVRO_SCHEMA_KEY)) {
      ByteBuffer value = reader.getMetadataValue(AVRO_SCHEMA_KEY).duplicate();
      byte[] bytes = new byte[value.remaining()];
      value.get(bytes);
      return new Schema.Parser().parse(new String(bytes, StandardCharsets.UTF_8));
    }
    return OrcSchemas.toAvro(reader.getSchema());
  }

  /** The ORC struct an Avro record schema is written as. */
  public static TypeDescription orcSchema(Schema schema) {
    return OrcSchemas.toOrc(schema);
  }

  public static TypeDescription nativeSchema(Configuration conf, Path file) throws IOException {
    try (Reader reader = open(conf, file)) {
      return reader.getSchema();
    }
  }
}
