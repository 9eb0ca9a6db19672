package dev.hadoopkit.jobs.common;

import dev.hadoopkit.formats.movielens.MovieCatalog;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;

/**
 * Ships the movies file(s) to every task through the distributed cache and reads them back there, so titles
 * are joined map-side. A movies path may be a file or a directory of part files on any Hadoop filesystem.
 */
public final class MovieCatalogLoader {

  /** Cache entries are linked under these names in a task's working directory. */
  static final String LINK_PREFIX = "hk-movies-";

  private MovieCatalogLoader() {
  }

  /** The files a movies path stands for: itself, or the visible files of a directory in name order. */
  public static List<Path> files(Configuration conf, Path moviesPath) throws IOException, UsageException {
    FileSystem fs = moviesPath.getFileSystem(conf);
    if (!fs.exists(moviesPath)) {
      throw new UsageException("Movies file " + moviesPath + " does not exist. Pass --movies with a u.item, movies.dat or movies.csv path.");
    }
    List<Path> files = new ArrayList<>();
    if (fs.getFileStatus(moviesPath).isDirectory()) {
      for (FileStatus status : fs.listStatus(moviesPath, path -> !path.getName().startsWith("_") && !path.getName().startsWith("."))) {
        if (status.isFile()) {
          files.add(status.getPath());
        }
      }
      if (files.isEmpty()) {
        throw new UsageException("Movies directory " + moviesPath + " holds no files.");
      }
    } else {
      files.add(fs.makeQualified(moviesPath));
    }
    files.sort(null);
    return files;
  }

  /** Reads the catalog in the client, to check it and report its malformed lines before the job starts. */
  public static MovieCatalog read(Configuration conf, List<Path> files) throws IOException {
    MovieCatalog.Builder builder = MovieCatalog.builder();
    for (Path file : files) {
      MovieFiles.read(builder, conf, file, file.toString());
    }
    return builder.build();
  }

  /** Adds the movie files to the job's distributed cache. */
  public static void addToCache(Job job, List<Path> files) {
    for (int i = 0; i < files.size(); i++) {
      URI uri = files.get(i).toUri();
      try {
        job.addCacheFile(new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, LINK_PREFIX + i));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("Invalid movies path: " + uri, e);
      }
    }
  }

  /** In a task: the catalog from the cache, or an empty one when the job has no movies. */
  public static MovieCatalog fromCache(JobContext context) throws IOException {
    URI[] cached = context.getCacheFiles();
    MovieCatalog.Builder builder = MovieCatalog.builder();
    if (cached == null) {
      return builder.build();
    }
    Configuration conf = context.getConfiguration();
    for (URI uri : cached) {
      String link = uri.getFragment();
      if (link == null || !link.startsWith(LINK_PREFIX)) {
        continue;
      }
      URI remote = URI.create(uri.toString().substring(0, uri.toString().indexOf('#')));
      File localized = new File(link);
      // On YARN the file is localized and linked in the working directory; in local mode it is read in place.
      Path file = localized.isFile() ? new Path(localized.getAbsoluteFile().toURI()) : new Path(remote);
      MovieFiles.read(builder, conf, file, remote.toString());
    }
    return builder.build();
  }
}
