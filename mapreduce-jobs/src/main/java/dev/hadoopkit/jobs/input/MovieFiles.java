package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.movielens.Movie;
import dev.hadoopkit.formats.movielens.MovieCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Adds one movies file to a catalog whatever its format: Avro, Parquet or ORC (recognised by magic bytes,
 * read with columns movieId, title, releaseDate as written by {@code formats convert --preset movielens-movies},
 * or id, title, release_date as imported from the MovieLens database: see {@link ColumnNames#MOVIES}) or
 * MovieLens text.
 */
final class MovieFiles {

  private MovieFiles() {
  }

  static void read(MovieCatalog.Builder builder, Configuration conf, Path file, String source) throws IOException {
    FileFormat format = FileFormat.detect(conf, file);
    if (format == FileFormat.TEXT) {
      try (InputStream in = file.getFileSystem(conf).open(file)) {
        builder.read(in, source);
      }
      return;
    }
    List<String> names = new ArrayList<>();
    for (Schema.Field field : dev.hadoopkit.formats.io.Formats.schema(conf, file).getFields()) {
      names.add(field.name());
    }
    List<String> columns = ColumnNames.MOVIES.resolve(file, names);
    try (RecordReader reader = dev.hadoopkit.formats.io.Formats.read(file).conf(conf).format(format).project(columns).build()) {
      GenericRecord record;
      while ((record = reader.next()) != null) {
        Object id = record.get(0);
        Object title = record.get(1);
        Object releaseDate = record.get(2);
        if (id == null) {
          throw new IOException("Cannot read movies from " + source + ": a row has a null " + columns.get(0));
        }
        builder.add(new Movie(((Number) id).intValue(), title == null ? "" : title.toString(),
            releaseDate == null ? null : LocalDate.ofEpochDay(((Number) releaseDate).longValue())));
      }
    } catch (IllegalArgumentException e) {
      throw new IOException("Cannot read movies from " + source + ": " + e.getMessage());
    }
  }
}
