package dev.hadoopkit.formats.orc;

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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.orc.ColumnStatistics;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.storage.common.type.HiveDecimal;
import org.apache.orc.storage.ql.exec.vector.BytesColumnVector;
import org.apache.orc.storage.ql.exec.vector.ColumnVector;
import org.apache.orc.storage.ql.exec.vector.DecimalColumnVector;
import org.apache.orc.storage.ql.exec.vector.DoubleColumnVector;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
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

  public static WriteBuilder write(Path path) {
    return Formats.write(path).format(FileFormat.ORC);
  }

  public static FileAppender appender(WriteSettings settings) throws IOException {
    return new OrcAppender(settings);
  }

  /** Rows from typed column values, set straight into the column vectors: the same file as {@link #appender} writes. */
  public static RowAppender rowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    return new OrcRowAppender(settings, layout);
  }

  public static RecordReader reader(ReadSettings settings) throws IOException {
    return new OrcRecordReader(settings);
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

  public static long count(Configuration conf, Path file) throws IOException {
    try (Reader reader = open(conf, file)) {
      return reader.getNumberOfRows();
    }
  }

  /** Stripes, compression, row counts and per-column statistics. */
  public static void describe(Configuration conf, Path file, PrintStream out) throws IOException {
    try (Reader reader = open(conf, file)) {
      out.printf(Locale.ROOT, "file: %s%nformat: ORC%nsize: %,d bytes%nfile version: %s, writer: %s%ncompression: %s%nschema: %s%n",
          file, file.getFileSystem(conf).getFileStatus(file).getLen(), reader.getFileVersion().getName(), reader.getSoftwareVersion(),
          reader.getCompressionKind(), reader.getSchema());
      int index = 0;
      for (StripeInformation stripe : reader.getStripes()) {
        out.printf(Locale.ROOT, "stripe %d: %,d rows, offset %,d, data %,d bytes, index %,d bytes, footer %,d bytes%n",
            index++, stripe.getNumberOfRows(), stripe.getOffset(), stripe.getDataLength(), stripe.getIndexLength(),
            stripe.getFooterLength());
      }
      ColumnStatistics[] statistics = reader.getStatistics();
      TypeDescription schema = reader.getSchema();
      List<String> names = schema.getFieldNames();
      for (int i = 0; i < names.size(); i++) {
        int id = schema.getChildren().get(i).getId();
        if (id < statistics.length) {
          out.printf(Locale.ROOT, "  %s: %s, %s%n", names.get(i), schema.getChildren().get(i),
              statistics[id].toString().replace('\n', ' ').trim());
        }
      }
      out.printf(Locale.ROOT, "rows: %,d%n", reader.getNumberOfRows());
    }
  }

  private static final class OrcAppender extends CommittingAppender {
    private final Writer writer;
    private final VectorizedRowBatch batch;
    private final Schema schema;
    private final Schema[] fieldTypes;
    private final String[] fieldNames;

    OrcAppender(WriteSettings settings) throws IOException {
      super(settings);
      schema = settings.schema();
      TypeDescription type = OrcSchemas.toOrc(schema);
      Configuration conf = new Configuration(settings.conf());
      settings.properties().forEach(conf::set);
      writer = OrcFile.createWriter(temporaryPath(), OrcFile.writerOptions(conf)
          .setSchema(type)
          .compress(codec(settings.codec()))
          .useUTCTimestamp(true)
          // Avro and JDBC dates are proleptic Gregorian days; the hybrid Julian default makes calendar-aware
          // readers (orc-tools, Hive, Spark) shift dates before 1582 (0001-01-01 would read as 0001-01-03)
          .setProlepticGregorian(true)
          .overwrite(true));
      writer.addUserMetadata(AVRO_SCHEMA_KEY, StandardCharsets.UTF_8.encode(schema.toString()));
      batch = prolepticDates(type.createRowBatch());
      fieldTypes = new Schema[schema.getFields().size()];
      fieldNames = new String[fieldTypes.length];
      for (int i = 0; i < fieldTypes.length; i++) {
        fieldTypes[i] = Schemas.nonNull(schema.getFields().get(i).schema());
        fieldNames[i] = schema.getFields().get(i).name();
      }
    }

    @Override
    protected void write(GenericRecord record) throws IOException {
      int row = batch.size++;
      for (int i = 0; i < fieldTypes.length; i++) {
        set(batch.cols[i], row, fieldTypes[i], record.get(i), fieldNames[i]);
      }
      if (batch.size == batch.getMaxSize()) {
        writer.addRowBatch(batch);
        batch.reset();
      }
    }

    private static void set(ColumnVector vector, int row, Schema type, Object value, String field) {
      if (value == null) {
        vector.noNulls = false;
        vector.isNull[row] = true;
        return;
      }
      vector.isNull[row] = false;
      switch (type.getType()) {
        case BOOLEAN:
          ((LongColumnVector) vector).vector[row] = ((Boolean) value) ? 1 : 0;
          break;
        case INT:
        case LONG:
          if (vector instanceof TimestampColumnVector) {
            long millis = ((Number) value).longValue();
            checkRepresentable(millis, field);
            TimestampColumnVector timestamps = (TimestampColumnVector) vector;
            timestamps.time[row] = millis;
            timestamps.nanos[row] = (int) Math.floorMod(millis, 1000L) * 1_000_000;
          } else {
            ((LongColumnVector) vector).vector[row] = ((Number) value).longValue();
          }
          break;
        case FLOAT:
        case DOUBLE:
          ((DoubleColumnVector) vector).vector[row] = ((Number) value).doubleValue();
          break;
        case STRING:
        case ENUM:
          byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
          ((BytesColumnVector) vector).setVal(row, text, 0, text.length);
          break;
        case BYTES:
          if (vector instanceof DecimalColumnVector) {
            int scale = ((LogicalTypes.Decimal) type.getLogicalType()).getScale();
            ((DecimalColumnVector) vector).set(row, HiveDecimal.create(decimal(value, scale)));
            break;
          }
          ByteBuffer buffer = ((ByteBuffer) value).duplicate();
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          ((BytesColumnVector) vector).setVal(row, bytes, 0, bytes.length);
          break;
        case FIXED:
          if (vector instanceof DecimalColumnVector) {
            int fixedScale = ((LogicalTypes.Decimal) type.getLogicalType()).getScale();
            ((DecimalColumnVector) vector).set(row, HiveDecimal.create(decimal(value, fixedScale)));
            break;
          }
          byte[] fixed = ((GenericData.Fixed) value).bytes();
          ((BytesColumnVector) vector).setVal(row, fixed, 0, fixed.length);
          break;
        default:
          throw new IllegalArgumentException("Cannot write ORC value of type " + type);
      }
    }

    /** An Avro decimal (unscaled two's-complement bytes, or a BigDecimal) as a BigDecimal of the schema's scale. */
    private static BigDecimal decimal(Object value, int scale) {
      if (value instanceof BigDecimal) {
        return ((BigDecimal) value).setScale(scale, RoundingMode.UNNECESSARY);
      }
      byte[] bytes;
      if (value instanceof GenericData.Fixed) {
        bytes = ((GenericData.Fixed) value).bytes();
      } else {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
      }
      return new BigDecimal(new BigInteger(bytes), scale);
    }

    @Override
    protected void finish() throws IOException {
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

  private static final class OrcRecordReader implements RecordReader {
    private final Path file;
    private final Reader reader;
    private final org.apache.orc.RecordReader rows;
    private final Schema schema;
    private final VectorizedRowBatch batch;
    private final int[] columnIndexes;
    private final Schema[] fieldTypes;
    private int row;

    OrcRecordReader(ReadSettings settings) throws IOException {
      file = settings.path();
      reader = open(settings.conf(), file);
      try {
        Schema fileSchema = avroSchema(reader);
        schema = Schemas.project(fileSchema, settings.columns(), file);
        TypeDescription type = reader.getSchema();
        List<String> orcNames = type.getFieldNames();
        boolean[] include = new boolean[type.getMaximumId() + 1];
        include[0] = true;
        columnIndexes = new int[schema.getFields().size()];
        fieldTypes = new Schema[columnIndexes.length];
        for (int i = 0; i < columnIndexes.length; i++) {
          String name = schema.getFields().get(i).name();
          int index = orcNames.indexOf(name);
          if (index < 0) {
            throw new CorruptFileException(FileFormat.ORC, file, "column " + name + " of its Avro schema is missing", null);
          }
          columnIndexes[i] = index;
          fieldTypes[i] = Schemas.nonNull(schema.getFields().get(i).schema());
          TypeDescription child = type.getChildren().get(index);
          for (int id = child.getId(); id <= child.getMaximumId(); id++) {
            include[id] = true;
          }
        }
        Reader.Options options = reader.options().include(include).useSelected(false);
        if (!settings.wholeFile()) {
          options.range(settings.start(), settings.length());
        }
        rows = reader.rows(options);
        batch = type.createRowBatch();
      } catch (IOException | RuntimeException e) {
        reader.close();
        if (e instanceof CorruptFileException || e instanceof IllegalArgumentException) {
          throw e;
        }
        throw new CorruptFileException(FileFormat.ORC, file, CorruptFileException.reason(e), e);
      }
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public GenericRecord next() throws IOException {
      try {
        if (row >= batch.size) {
          row = 0;
          if (!rows.nextBatch(batch)) {
            return null;
          }
          if (batch.size == 0) {
            return null;
          }
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (int i = 0; i < columnIndexes.length; i++) {
          record.put(i, get(batch.cols[columnIndexes[i]], row, fieldTypes[i]));
        }
        row++;
        return record;
      } catch (IOException | RuntimeException e) {
        throw new CorruptFileException(FileFormat.ORC, file, CorruptFileException.reason(e), e);
      }
    }

    /** The batch, for readers that go column by column; valid until the next call. */
    VectorizedRowBatch batch() {
      return batch;
    }

    private static Object get(ColumnVector vector, int row, Schema type) {
      int index = vector.isRepeating ? 0 : row;
      if (!vector.noNulls && vector.isNull[index]) {
        return null;
      }
      switch (type.getType()) {
        case BOOLEAN:
          return ((LongColumnVector) vector).vector[index] != 0;
        case INT:
          return (int) ((LongColumnVector) vector).vector[index];
        case LONG:
          if (vector instanceof TimestampColumnVector) {
            return ((TimestampColumnVector) vector).getTime(index);
          }
          return ((LongColumnVector) vector).vector[index];
        case FLOAT:
          return (float) ((DoubleColumnVector) vector).vector[index];
        case DOUBLE:
          return ((DoubleColumnVector) vector).vector[index];
        case STRING:
        case ENUM:
          if (vector instanceof DecimalColumnVector) {
            return ((DecimalColumnVector) vector).vector[index].toString();
          }
          BytesColumnVector strings = (BytesColumnVector) vector;
          return new String(strings.vector[index], strings.start[index], strings.length[index], StandardCharsets.UTF_8);
        case BYTES:
        case FIXED:
          if (vector instanceof DecimalColumnVector) {
            // Avro's decimal representation: the unscaled value's two's-complement bytes at the schema's scale.
            int scale = type.getLogicalType() instanceof LogicalTypes.Decimal
                ? ((LogicalTypes.Decimal) type.getLogicalType()).getScale() : ((DecimalColumnVector) vector).scale;
            byte[] unscaled = ((DecimalColumnVector) vector).vector[index].getHiveDecimal().bigDecimalValue()
                .setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().toByteArray();
            return type.getType() == Schema.Type.FIXED ? new GenericData.Fixed(type, pad(unscaled, type.getFixedSize()))
                : ByteBuffer.wrap(unscaled);
          }
          BytesColumnVector bytes = (BytesColumnVector) vector;
          byte[] copy = java.util.Arrays.copyOfRange(bytes.vector[index], bytes.start[index], bytes.start[index] + bytes.length[index]);
          return type.getType() == Schema.Type.FIXED ? new GenericData.Fixed(type, copy) : ByteBuffer.wrap(copy);
        default:
          throw new IllegalArgumentException("Cannot read ORC value of type " + type);
      }
    }

    /** Sign-extends two's-complement bytes to a fixed width. */
    private static byte[] pad(byte[] value, int size) {
      if (value.length >= size) {
        return value;
      }
      byte[] out = new byte[size];
      byte fill = value.length > 0 && value[0] < 0 ? (byte) 0xff : 0;
      java.util.Arrays.fill(out, 0, size - value.length, fill);
      System.arraycopy(value, 0, out, size - value.length, value.length);
      return out;
    }

    @Override
    public float progress() {
      try {
        return rows.getProgress();
      } catch (IOException e) {
        return 0f;
      }
    }

    @Override
    public void close() throws IOException {
      try {
        rows.close();
      } finally {
        reader.close();
      }
    }
  }
}
