package dev.hadoopkit.jobs.cli;

import dev.hadoopkit.formats.movielens.MovieCatalog;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.input.MovieCatalogLoader;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.commons.cli.CommandLine;

/**
 * The {@code --movies} option of the jobs that read the movies file: read once before the job runs, so that a wrong
 * or damaged file is reported at once, then shipped to the tasks through the distributed cache. Kept apart from
 * {@link JobCommand} because only some jobs read it, with their own rules about malformed movie lines.
 */
final class MoviesFile {

  private MoviesFile() {
  }

  /** The catalog read from {@code --movies} and added to the job, or null when the job has none. */
  static MovieCatalog addTo(Job job, CommandLine command, JobSpec spec, boolean strict) throws IOException, UsageException {
    if (spec.movies() == JobCommand.MoviesOption.NONE) {
      return null;
    }
    if (!command.hasOption("movies")) {
      if (spec.movies() == JobCommand.MoviesOption.REQUIRED) {
        throw new UsageException("Missing --movies: " + spec.name() + " needs the movies file (u.item, movies.dat or movies.csv).");
      }
      return null;
    }
    Configuration conf = job.getConfiguration();
    List<Path> files = MovieCatalogLoader.files(conf, new Path(command.getOptionValue("movies")));
    MovieCatalog catalog = MovieCatalogLoader.read(conf, files);
    if (!catalog.malformedLines().isEmpty()) {
      MovieCatalog.MalformedLine first = catalog.malformedLines().get(0);
      if (strict || catalog.isEmpty()) {
        throw new IOException("Malformed movie at " + first
            + (catalog.isEmpty() ? ". No movie could be read: is --movies a movies file?" : ". Fix or remove the line, or run without --strict."));
      }
    }
    MovieCatalogLoader.addToCache(job, files);
    return catalog;
  }
}
