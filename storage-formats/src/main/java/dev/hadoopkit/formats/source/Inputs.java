package dev.hadoopkit.formats.source;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Schemas;
import dev.hadoopkit.formats.text.MovieLensTextReader;
import dev.hadoopkit.formats.text.SchemaInference;
import dev.hadoopkit.formats.text.TextRecordReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Reads a path (a file, or a directory of part files, on any Hadoop filesystem) as one stream of records,
 * whatever the format of each file: Avro, Parquet and ORC by their magic bytes, anything else as text in the
 * {@link TextSchema} given.
 */
public final class Inputs {

  private Inputs() {
  }

  /** The files of a path, each with its detected format. */
  public static List<Path> files(Configuration conf, Path path) throws IOException {
    return Formats.dataFiles(conf, path);
  }

  /**
   * Opens every data file under {@code path} in turn.
   *
   * @param columns columns to read (projection), or null for all
   */
  public static RecordReader open(Configuration conf, Path path, TextSchema text, List<String> columns) throws IOException {
    List<Path> files = files(conf, path);
    return new MultiFileReader(conf, files, text, columns);
  }

  /** Opens one file, binary or text. */
  public static RecordReader openFile(Configuration conf, Path file, TextSchema text, List<String> columns) throws IOException {
    FileFormat format = FileFormat.detect(conf, file);
    RecordReader reader;
    if (format != FileFormat.TEXT) {
      Schema declared = text.declared();
      if (declared != null && text.schema() != null) {
        // Converting to an explicit schema: read what it needs, then conform by name.
        RecordReader raw = Formats.read(file).conf(conf).format(format).build();
        reader = conformed(raw, declared, file);
      } else {
        reader = Formats.read(file).conf(conf).format(format).project(columns).build();
        return reader;
      }
    } else {
      reader = openText(conf, file, text);
    }
    return columns == null ? reader : projected(reader, columns, file);
  }

  /** The schema text would be read in, inferring it from the file's header when asked to. */
  public static Schema inferSchema(Configuration conf, Path file) throws IOException {
    try (BufferedReader lines = lines(conf, file)) {
      return SchemaInference.infer(lines, file.toString(), recordName(file), SchemaInference.DEFAULT_SAMPLE);
    }
  }

  private static RecordReader openText(Configuration conf, Path file, TextSchema text) throws IOException {
    if (text.preset() != null) {
      return new MovieLensTextReader(open(conf, file), file.toString(), text.preset());
    }
    Schema schema = text.schema();
    if (schema == null && text.infer()) {
      schema = inferSchema(conf, file);
    }
    if (schema == null) {
      throw new IOException("Cannot read " + file + ": it is text (not Avro, Parquet or ORC) and no schema was given."
          + " Pass --preset movielens-ratings|movielens-ratings-latest|movielens-movies|movielens-users, --schema file.avsc or --infer");
    }
    return new TextRecordReader(lines(conf, file), file.toString(), schema, null);
  }

  private static InputStream open(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    FSDataInputStream in = fs.open(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    return codec == null ? in : codec.createInputStream(in);
  }

  private static BufferedReader lines(Configuration conf, Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(open(conf, file), StandardCharsets.UTF_8), 1 << 16);
  }

  private static String recordName(Path file) {
    String name = file.getName().replaceAll("\\..*$", "").replaceAll("[^A-Za-z0-9_]", "_");
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "record_" + name : name;
  }

  private static RecordReader conformed(RecordReader reader, Schema target, Path file) throws IOException {
    Conform conform;
    try {
      conform = new Conform(reader.schema(), target, file);
    } catch (IllegalArgumentException e) {
      reader.close();
      throw new IOException(e.getMessage());
    }
    return new MappedReader(reader, target, conform::apply);
  }

  private static RecordReader projected(RecordReader reader, List<String> columns, Path file) throws IOException {
    Schema target;
    try {
      target = Schemas.project(reader.schema(), columns, file);
    } catch (IllegalArgumentException e) {
      reader.close();
      throw e;
    }
    Conform conform = new Conform(reader.schema(), target, file);
    return new MappedReader(reader, target, conform::apply);
  }

  private static final class MappedReader implements RecordReader {
    private final RecordReader reader;
    private final Schema schema;
    private final java.util.function.Function<GenericRecord, GenericRecord> mapping;

    MappedReader(RecordReader reader, Schema schema, java.util.function.Function<GenericRecord, GenericRecord> mapping) {
      this.reader = reader;
      this.schema = schema;
      this.mapping = mapping;
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public GenericRecord next() throws IOException {
      GenericRecord record = reader.next();
      if (record == null) {
        return null;
      }
      try {
        return mapping.apply(record);
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage());
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** The files one after the other; all must have the first file's columns. */
  private static final class MultiFileReader implements RecordReader {
    private final Configuration conf;
    private final List<Path> files;
    private final TextSchema text;
    private final List<String> columns;
    private final Schema schema;
    private final Path first;
    private RecordReader current;
    private int index;

    MultiFileReader(Configuration conf, List<Path> files, TextSchema text, List<String> columns) throws IOException {
      this.conf = conf;
      this.files = files;
      this.columns = columns;
      this.first = files.get(0);
      TextSchema resolved = text;
      if (text.infer() && text.schema() == null && text.preset() == null
          && FileFormat.detect(conf, first) == FileFormat.TEXT) {
        resolved = new TextSchema(null, inferSchema(conf, first), false);
      }
      this.text = resolved;
      current = openFile(conf, first, this.text, columns);
      schema = current.schema();
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public GenericRecord next() throws IOException {
      while (true) {
        GenericRecord record = current.next();
        if (record != null) {
          return record;
        }
        current.close();
        index++;
        if (index >= files.size()) {
          current = EmptyReader.of(schema);
          return null;
        }
        current = openFile(conf, files.get(index), text, columns);
        List<String> names = Schemas.names(current.schema());
        if (!names.equals(Schemas.names(schema))) {
          Path file = files.get(index);
          current.close();
          current = EmptyReader.of(schema);
          throw new IOException("Cannot read " + file + " with " + first + ": its columns ("
              + String.join(", ", names) + ") differ from ("
              + String.join(", ", Schemas.names(schema)) + ")");
        }
      }
    }

    @Override
    public void close() throws IOException {
      current.close();
    }
  }

  private static final class EmptyReader implements RecordReader {
    private final Schema schema;

    private EmptyReader(Schema schema) {
      this.schema = schema;
    }

    static RecordReader of(Schema schema) {
      return new EmptyReader(schema);
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public GenericRecord next() {
      return null;
    }

    @Override
    public void close() {
    }
  }
}
