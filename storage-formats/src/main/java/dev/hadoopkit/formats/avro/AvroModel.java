package dev.hadoopkit.formats.avro;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.BaseFormatModel;
import dev.hadoopkit.formats.io.FileFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Avro's {@link dev.hadoopkit.formats.io.FormatModel}, registered on {@link FileFormat#AVRO}. */
public final class AvroModel extends BaseFormatModel {

  public AvroModel() {
    super(FileFormat.AVRO, AvroAppender::new, AvroRowAppender::new, AvroReader::new);
  }

  /** Rows, from the block headers (no record is decoded). */
  @Override
  public long count(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    Avro.checkComplete(fs, file);
    try (InputStream in = fs.open(file);
        DataFileStream<GenericRecord> stream = Avro.open(in, file)) {
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
  @Override
  public void describe(Configuration conf, Path file, PrintStream out) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    long size = fs.getFileStatus(file).getLen();
    Avro.checkComplete(fs, file);
    try (InputStream in = fs.open(file);
        DataFileStream<GenericRecord> stream = Avro.open(in, file)) {
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

  /** The header reads and the file ends with its sync marker. */
  @Override
  public void check(Configuration conf, Path file) throws IOException {
    Avro.checkComplete(file.getFileSystem(conf), file);
  }
}
