package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.mapred.JobConf;

/**
 * Where a map-reduce action's jars, {@code <file>}s and {@code <archive>}s go, as Oozie puts them: on the class path
 * of the LocalJobRunner's tasks, or to the cluster with the job (tmpjars and the distributed cache). Kept apart from
 * {@link MapReduceActionExecutor} because every way of running the job (in the engine, in a launcher, with a custom
 * main) ships them by the same rules.
 */
final class MapReduceJobFiles {

  private MapReduceJobFiles() {
  }

  /** The action's {@code <file>}s, {@code <archive>}s and the rest it shares with the other Hadoop actions. */
  static ActionBody.Hadoop hadoop(ActionContext context) {
    return context.body(ActionBody.MapReduce.class).hadoop();
  }

  static List<Path> libJarPaths(ActionContext context) {
    return context.libJars().stream().map(Path::of).toList();
  }

  /**
   * Local mode: what the tasks load classes from, as Oozie puts them on a map-reduce job's classpath — the app's
   * {@code lib/*.jar}, the {@code .jar}s among the {@code <file>}s and the unpacked {@code <archive>}s (the
   * directory and the jars at its top), copied into the action's directory.
   */
  static List<Path> appClassPath(ActionContext context) throws java.io.IOException {
    List<Path> entries = new ArrayList<>(libJarPaths(context));
    for (String link : FileLocalizer.localize(hadoop(context), context)) {
      if (link.endsWith(".jar")) {
        entries.add(context.workDir().resolve(link));
      }
    }
    for (String link : FileLocalizer.localizeArchives(hadoop(context), context)) {
      Path dir = context.workDir().resolve(link);
      entries.add(dir);
      try (var files = Files.list(dir)) {
        files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
      }
    }
    return entries;
  }

  /**
   * On a cluster: the app's lib jars go as {@code tmpjars} (uploaded with the job); {@code <file>} jars and
   * {@code <archive>} jars/zips go on the task classpath through the distributed cache, other files and archives to
   * the cache under their link names. Streaming ships its own {@code <file>}s.
   */
  static void shipToCluster(JobConf job, boolean withFiles, ActionContext context, boolean libJars)
      throws java.io.IOException {
    if (libJars && !context.libJars().isEmpty()) {
      List<String> uris = new ArrayList<>();
      for (String jar : context.libJars()) {
        uris.add(new File(jar).toURI().toString());
      }
      String existing = job.get("tmpjars");
      job.set("tmpjars", (existing == null || existing.isEmpty() ? "" : existing + ",") + String.join(",", uris));
    }
    if (!withFiles) {
      return;
    }
    for (FileLocalizer.Entry entry : FileLocalizer.entries(hadoop(context).files(), context.appPath())) {
      org.apache.hadoop.fs.Path path = entry.source().getFileSystem(job).makeQualified(entry.source());
      if (entry.link().endsWith(".jar")) {
        org.apache.hadoop.mapreduce.filecache.DistributedCache.addFileToClassPath(path, job, path.getFileSystem(job));
      } else {
        org.apache.hadoop.mapreduce.Job.addCacheFile(withFragment(path, entry.link()), job);
      }
    }
    for (FileLocalizer.Entry entry : FileLocalizer.entries(hadoop(context).archives(), context.appPath())) {
      org.apache.hadoop.fs.Path path = entry.source().getFileSystem(job).makeQualified(entry.source());
      String name = path.getName().toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".jar") || name.endsWith(".zip")) {
        org.apache.hadoop.mapreduce.filecache.DistributedCache.addArchiveToClassPath(path, job,
            path.getFileSystem(job));
      } else {
        org.apache.hadoop.mapreduce.Job.addCacheArchive(withFragment(path, entry.link()), job);
      }
    }
  }

  private static java.net.URI withFragment(org.apache.hadoop.fs.Path path, String link) throws java.io.IOException {
    java.net.URI uri = path.toUri();
    try {
      return new java.net.URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, link);
    } catch (java.net.URISyntaxException e) {
      throw new java.io.IOException("Invalid <file>/<archive> " + path + ": " + e.getMessage(), e);
    }
  }
}
