package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.movielens.MovieCatalog;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.runtime.LocalMode;
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

  /** How many movie files the job has; file i is under {@code FILE_KEY_PREFIX + i}, linked as {@code LINK_PREFIX + i}. */
  public static final String FILE_COUNT_KEY = "hadoopkit.movies.files";
  // One key per file: a comma-separated list would split a path that holds a comma.
  public static final String FILE_KEY_PREFIX = "hadoopkit.movies.file.";

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
      for (FileStatus status : fs.listStatus(moviesPath, dev.hadoopkit.formats.io.Formats.DATA_FILES)) {
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

  /**
   * Makes the movie files readable by every task. On a cluster they go through the distributed cache, linked in
   * each container's own working directory. In local mode they are not cached at all: LocalJobRunner links cache
   * entries into the user's current directory, where a killed job leaves its link behind and a later job would
   * find it already there and join that old file (issue 15 defect 1). Local tasks read the files in place.
   */
  public static void addToCache(Job job, List<Path> files) {
    Configuration conf = job.getConfiguration();
    conf.setInt(FILE_COUNT_KEY, files.size());
    for (int i = 0; i < files.size(); i++) {
      conf.set(FILE_KEY_PREFIX + i, files.get(i).toString());
    }
    if (LocalMode.isLocal(conf)) {
      return;
    }
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
    Configuration conf = context.getConfiguration();
    MovieCatalog.Builder builder = MovieCatalog.builder();
    boolean linked = !LocalMode.isLocal(conf);
    for (int i = 0; i < conf.getInt(FILE_COUNT_KEY, 0); i++) {
      Path remote = new Path(conf.get(FILE_KEY_PREFIX + i));
      // A container's working directory is its own and new: its link is this job's file. A local task's
      // working directory is the user's, so a link there is never looked at.
      File link = new File(LINK_PREFIX + i);
      Path file = linked && link.isFile() ? new Path(link.getAbsoluteFile().toURI()) : remote;
      MovieFiles.read(builder, conf, file, remote.toString());
    }
    return builder.build();
  }
}
