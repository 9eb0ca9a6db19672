package dev.hadoopkit.formats.avro;

import dev.hadoopkit.formats.io.CommittingAppender;
import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.ReadSettings;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.io.WriteBuilder;
import dev.hadoopkit.formats.io.WriteSettings;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Avro object container files over any Hadoop filesystem. */
public final class Avro {

  private Avro() {
  }

  public static WriteBuilder write(Path path) {
    return Formats.write(path).format(FileFormat.AVRO);
  }

  public static FileAppender appender(WriteSettings settings) throws IOException {
    return new AvroAppender(settings);
  }

  public static RecordReader reader(ReadSettings settings) throws IOException {
    return new AvroReader(settings);
  }

  static CodecFactory codec(dev.hadoopkit.formats.io.Codec codec) {
    switch (codec) {
      case NONE:
        return CodecFactory.nullCodec();
      case SNAPPY:
        return CodecFactory.snappyCodec();
      case GZIP:
        return CodecFactory.deflateCodec(6);
      case ZSTD:
        return CodecFactory.zstandardCodec(3);
      default:
        throw new IllegalArgumentException("Invalid codec for Avro: " + codec);
    }
  }

  /** Rows, from the block headers (no record is decoded). */
  public static long count(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    checkComplete(fs, file);
    try (InputStream in = fs.open(file);
        DataFileStream<GenericRecord> stream = open(in, file)) {
      long rows = 0;
      while (stream.hasNext()) {
        rows += stream.getBlockCount();
        stream.nextBlock();
      }
      return rows;
    } catch (AvroRuntimeException e) {
      throw new CorruptFileException(FileFormat.AVRO, file, CorruptFileException.reason(e), e);
    }
  }

  /** Blocks with their row counts and sizes, the codec and the schema. */
  public static void describe(Configuration conf, Path file, PrintStream out) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    long size = fs.getFileStatus(file).getLen();
    checkComplete(fs, file);
    try (InputStream in = fs.open(file);
        DataFileStream<GenericRecord> stream = open(in, file)) {
      String codec = stream.getMetaString("avro.codec");
      out.printf(Locale.ROOT, "file: %s%nformat: Avro%nsize: %,d bytes%ncodec: %s%n", file, size, codec == null ? "null" : codec);
      out.println("blocks:");
      long rows = 0;
      int block = 0;
      while (stream.hasNext()) {
        long count = stream.getBlockCount();
        long bytes = stream.getBlockSize();
        out.printf(Locale.ROOT, "  block %d: %,d rows, %,d bytes%n", block++, count, bytes);
        rows += count;
        stream.nextBlock();
      }
      out.printf(Locale.ROOT, "rows: %,d%n", rows);
    } catch (AvroRuntimeException e) {
      throw new CorruptFileException(FileFormat.AVRO, file, CorruptFileException.reason(e), e);
    }
  }

  /**
   * A complete container file ends with the sync marker of its header; a truncated one does not (Avro's own
   * reader stops quietly at a cut block, so this is checked up front).
   */
  public static void check(Configuration conf, Path file) throws IOException {
    checkComplete(file.getFileSystem(conf), file);
  }

  static void checkComplete(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    byte[] sync = new byte[16];
    try (FSDataInputStream in = fs.open(file)) {
      BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(in, null);
      decoder.skipFixed(4);
      for (long entries = decoder.readMapStart(); entries != 0; entries = decoder.mapNext()) {
        for (long i = 0; i < entries; i++) {
          decoder.skipString();
          decoder.skipBytes();
        }
      }
      decoder.readFixed(sync);
      byte[] tail = new byte[16];
      in.readFully(length - 16, tail);
      if (!java.util.Arrays.equals(sync, tail)) {
        throw new CorruptFileException(FileFormat.AVRO, file,
            "the file does not end with its sync marker (truncated or damaged; " + length + " bytes)", null);
      }
    } catch (java.io.EOFException | AvroRuntimeException e) {
      throw new CorruptFileException(FileFormat.AVRO, file, "the header is incomplete (truncated; " + length + " bytes)", e);
    }
  }

  private static DataFileStream<GenericRecord> open(InputStream in, Path file) throws IOException {
    try {
      return new DataFileStream<>(in, new GenericDatumReader<>());
    } catch (IOException | AvroRuntimeException e) {
      in.close();
      throw new CorruptFileException(FileFormat.AVRO, file, CorruptFileException.reason(e), e);
    }
  }

  private static final class AvroAppender extends CommittingAppender {
    private final DataFileWriter<GenericRecord> writer;

    AvroAppender(WriteSettings settings) throws IOException {
      super(settings);
      FSDataOutputStream out = fileSystem().create(temporaryPath(), false);
      writer = new DataFileWriter<GenericRecord>(new GenericDatumWriter<>(settings.schema()));
      writer.setCodec(codec(settings.codec()));
      settings.properties().forEach(writer::setMeta);
      writer.create(settings.schema(), out);
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

  private static final class AvroReader implements RecordReader {
    private final Path file;
    private final DataFileReader<GenericRecord> reader;
    private final Schema schema;
    private final long start;
    private final long end;
    private GenericRecord reuse;

    AvroReader(ReadSettings settings) throws IOException {
      file = settings.path();
      FileSystem fs = file.getFileSystem(settings.conf());
      long length = fs.getFileStatus(file).getLen();
      checkComplete(fs, file);
      HadoopSeekableInput input = new HadoopSeekableInput(fs.open(file), length);
      try {
        GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>();
        reader = new DataFileReader<>(input, datumReader);
        schema = Schemas.project(reader.getSchema(), settings.columns(), file);
        datumReader.setExpected(schema);
        start = settings.start();
        end = settings.end();
        if (!settings.wholeFile()) {
          reader.sync(start);
        }
      } catch (IOException | AvroRuntimeException e) {
        input.close();
        throw new CorruptFileException(FileFormat.AVRO, file, CorruptFileException.reason(e), e);
      }
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public GenericRecord next() throws IOException {
      try {
        if (!reader.hasNext() || (end != Long.MAX_VALUE && reader.pastSync(end))) {
          return null;
        }
        reuse = reader.next(reuse);
        return reuse;
      } catch (CorruptFileException e) {
        throw e;
      } catch (IOException | AvroRuntimeException e) {
        // A damaged block fails with the decoder's bare "Invalid int encoding" (an IOException): say where it is.
        throw new CorruptFileException(FileFormat.AVRO, file, "damaged data block at byte " + blockOffset() + " ("
            + CorruptFileException.reason(e) + "); restore the file from a good copy", e);
      }
    }

    /** Where the block being read starts (its sync marker), or "?" when the reader cannot tell. */
    private String blockOffset() {
      try {
        return String.format(java.util.Locale.ROOT, "%,d", reader.previousSync());
      } catch (RuntimeException e) {
        return "?";
      }
    }

    @Override
    public float progress() {
      try {
        long position = reader.previousSync();
        long stop = end == Long.MAX_VALUE ? reader.tell() : end;
        return stop <= start ? 1f : Math.min(1f, (position - start) / (float) (stop - start));
      } catch (IOException e) {
        return 0f;
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** Avro's random-access input over a Hadoop stream. */
  private static final class HadoopSeekableInput implements SeekableInput {
    private final FSDataInputStream in;
    private final long length;

    HadoopSeekableInput(FSDataInputStream in, long length) {
      this.in = in;
      this.length = length;
    }

    @Override
    public void seek(long position) throws IOException {
      in.seek(position);
    }

    @Override
    public long tell() throws IOException {
      return in.getPos();
    }

    @Override
    public long length() {
      return length;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      return in.read(buffer, offset, count);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
