package dev.hadoopkit.formats.avro;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.ReadSettings;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.IOException;
import java.util.Locale;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Records from an Avro container file (or the blocks of a range), projected to the columns asked for. */
final class AvroReader implements RecordReader {
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
    Avro.checkComplete(fs, file);
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
