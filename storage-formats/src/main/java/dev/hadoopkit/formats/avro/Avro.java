package dev.hadoopkit.formats.avro;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.WriteSettings;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Avro object container files over any Hadoop filesystem. */
final class Avro {

  private Avro() {
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

  /** A container file writer on {@code out}'s file with the settings' schema, codec and metadata. */
  static DataFileWriter<GenericRecord> createWriter(WriteSettings settings, FileSystem fs, Path temporary) throws IOException {
    FSDataOutputStream out = fs.create(temporary, false);
    DataFileWriter<GenericRecord> writer = new DataFileWriter<GenericRecord>(new GenericDatumWriter<>(settings.schema()));
    writer.setCodec(codec(settings.codec()));
    settings.properties().forEach(writer::setMeta);
    writer.create(settings.schema(), out);
    return writer;
  }

  /**
   * A complete container file ends with the sync marker of its header; a truncated one does not (Avro's own
   * reader stops quietly at a cut block, so this is checked up front).
   */
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

  static DataFileStream<GenericRecord> open(InputStream in, Path file) throws IOException {
    try {
      return new DataFileStream<>(in, new GenericDatumReader<>());
    } catch (IOException | AvroRuntimeException e) {
      in.close();
      throw new CorruptFileException(FileFormat.AVRO, file, CorruptFileException.reason(e), e);
    }
  }
}
