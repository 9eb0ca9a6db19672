package dev.hadoopkit.formats.bench;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * The in-JVM reference of each format: the simplest correct loop over the library's own writer API, as the reference
 * tools do it ({@code String.split} per line, then AvroParquetWriter, orc-core's vectorized writer or avro's
 * DataFileWriter), same schema and codec as {@code formats convert}.
 */
enum LibraryLoop {
  PARQUET(FileFormat.PARQUET, "reference: split + AvroParquetWriter") {
    @Override
    long convert(Configuration conf, BufferedReader lines, Path output, Codec codec, Schema schema) throws IOException {
      String line;
      long rows = 0;
      try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(output, conf))
          .withSchema(schema).withConf(conf).withCompressionCodec(CompressionCodecName.valueOf(codec == Codec.NONE ? "UNCOMPRESSED" : codec.name()))
          .build()) {
        while ((line = lines.readLine()) != null) {
          String[] fields = line.split("\t");
          GenericData.Record record = new GenericData.Record(schema);
          record.put(0, Integer.parseInt(fields[0]));
          record.put(1, Integer.parseInt(fields[1]));
          record.put(2, Integer.parseInt(fields[2]));
          record.put(3, Long.parseLong(fields[3]) * 1000L);
          writer.write(record);
          rows++;
        }
      }
      return rows;
    }
  },
  ORC(FileFormat.ORC, "reference: split + orc-core vectorized writer") {
    @Override
    long convert(Configuration conf, BufferedReader lines, Path output, Codec codec, Schema schema) throws IOException {
      String line;
      long rows = 0;
      TypeDescription type = TypeDescription.fromString("struct<userId:int,movieId:int,rating:int,timestamp:timestamp with local time zone>");
      try (Writer writer = OrcFile.createWriter(output, OrcFile.writerOptions(conf).setSchema(type)
          .compress(CompressionKind.valueOf(codec == Codec.GZIP ? "ZLIB" : codec.name())).useUTCTimestamp(true))) {
        VectorizedRowBatch batch = type.createRowBatch();
        while ((line = lines.readLine()) != null) {
          String[] fields = line.split("\t");
          int row = batch.size++;
          ((LongColumnVector) batch.cols[0]).vector[row] = Integer.parseInt(fields[0]);
          ((LongColumnVector) batch.cols[1]).vector[row] = Integer.parseInt(fields[1]);
          ((LongColumnVector) batch.cols[2]).vector[row] = Integer.parseInt(fields[2]);
          TimestampColumnVector time = (TimestampColumnVector) batch.cols[3];
          time.time[row] = Long.parseLong(fields[3]) * 1000L;
          time.nanos[row] = 0;
          if (batch.size == batch.getMaxSize()) {
            writer.addRowBatch(batch);
            batch.reset();
          }
          rows++;
        }
        if (batch.size > 0) {
          writer.addRowBatch(batch);
        }
      }
      return rows;
    }
  },
  AVRO(FileFormat.AVRO, "reference: split + avro DataFileWriter") {
    @Override
    long convert(Configuration conf, BufferedReader lines, Path output, Codec codec, Schema schema) throws IOException {
      FileSystem fs = output.getFileSystem(conf);
      String line;
      long rows = 0;
      try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
        writer.setCodec(codec == Codec.NONE ? CodecFactory.nullCodec() : codec == Codec.SNAPPY ? CodecFactory.snappyCodec()
            : codec == Codec.GZIP ? CodecFactory.deflateCodec(6) : CodecFactory.zstandardCodec(3));
        writer.create(schema, fs.create(output, true));
        while ((line = lines.readLine()) != null) {
          String[] fields = line.split("\t");
          GenericData.Record record = new GenericData.Record(schema);
          record.put(0, Integer.parseInt(fields[0]));
          record.put(1, Integer.parseInt(fields[1]));
          record.put(2, Integer.parseInt(fields[2]));
          record.put(3, Long.parseLong(fields[3]) * 1000L);
          writer.append(record);
          rows++;
        }
      }
      return rows;
    }
  };

  private final FileFormat format;
  private final String label;

  LibraryLoop(FileFormat format, String label) {
    this.format = format;
    this.label = label;
  }

  /** The row label of the table. */
  String label() {
    return label;
  }

  static LibraryLoop of(FileFormat format) {
    for (LibraryLoop loop : values()) {
      if (loop.format == format) {
        return loop;
      }
    }
    throw new IllegalArgumentException("Invalid format for the bench: " + format.displayName() + " has no library loop");
  }

  /** Converts the ratings text at {@code input} to {@code output}, replacing it; returns the rows written. */
  long convert(Configuration conf, Path input, Path output, Codec codec, Schema schema) throws IOException {
    FileSystem fs = output.getFileSystem(conf);
    fs.delete(output, false);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(fs.open(input), StandardCharsets.US_ASCII), 1 << 16)) {
      return convert(conf, lines, output, codec, schema);
    }
  }

  abstract long convert(Configuration conf, BufferedReader lines, Path output, Codec codec, Schema schema) throws IOException;
}
