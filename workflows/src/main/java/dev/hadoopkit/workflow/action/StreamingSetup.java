package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import dev.hadoopkit.workflow.streaming.StreamingKeys;
import dev.hadoopkit.workflow.streaming.StreamingMapper;
import dev.hadoopkit.workflow.streaming.StreamingReducer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.MRJobConfig;

/**
 * {@code <streaming>} of a map-reduce action: the job runs this project's {@link StreamingMapper} and
 * {@link StreamingReducer} (new API) with the {@code <mapper>}/{@code <reducer>} commands and {@code <env>}; keys and
 * values are Text. {@code <reducer>NONE</reducer>} makes it map-only. {@code <file>}s and {@code <archive>}s are
 * copied into the action's directory in local mode (each task runs in a directory of its own linking them) and go
 * through the distributed cache on a cluster.
 */
final class StreamingSetup {
  private StreamingSetup() {
  }

  /** Configures the job of a streaming action; returns a problem to report as the action's error, or null. */
  static String configure(JobConf job, ActionBody.MapReduce body, ActionContext context) throws IOException {
    ActionBody.Streaming streaming = body.streaming();
    if (streaming.recordReader() != null || !streaming.recordReaderMappings().isEmpty()) {
      return "map-reduce <streaming> <record-reader>/<record-reader-mapping> are not supported by this engine"
          + " (node [" + context.node() + "]); set mapreduce.job.inputformat.class in <configuration> to an"
          + " InputFormat instead";
    }
    List<String> env = new ArrayList<>();
    for (String text : streaming.env()) {
      if (text.indexOf('=') <= 0) {
        return "map-reduce <streaming> <env>" + text + "</env> of node [" + context.node()
            + "] is not NAME=VALUE";
      }
      env.add(text);
    }
    job.set(StreamingKeys.ENV, String.join("\n", env));
    job.setUseNewMapper(true);
    job.set(MRJobConfig.MAP_CLASS_ATTR, StreamingMapper.class.getName());
    String mapper = text(streaming.mapper());
    if (mapper != null) {
      job.set(StreamingKeys.MAP_COMMAND, mapper);
    }
    String reducer = text(streaming.reducer());
    if ("NONE".equals(reducer)) {
      job.setNumReduceTasks(0);
    } else {
      job.setUseNewReducer(true);
      job.set(MRJobConfig.REDUCE_CLASS_ATTR, StreamingReducer.class.getName());
      if (reducer != null) {
        job.set(StreamingKeys.REDUCE_COMMAND, reducer);
      }
    }
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(Text.class);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(Text.class);
    if (job.getJar() == null) {
      job.setJarByClass(StreamingMapper.class); // a cluster's tasks need this module's classes
    }
    if ("local".equals(job.get("mapreduce.framework.name", "local"))) {
      List<String> links = new ArrayList<>(FileLocalizer.localize(body.hadoop(), context));
      links.addAll(FileLocalizer.localizeArchives(body.hadoop(), context));
      job.set(StreamingKeys.LOCAL_FILES_DIR, context.workDir().toAbsolutePath().toString());
      job.set(StreamingKeys.FILES, String.join(",", links));
      job.set(StreamingKeys.LOCAL_STDERR_FILE, context.workDir().resolve("stderr").toAbsolutePath().toString());
      java.nio.file.Path failure = context.workDir().resolve("streaming-failure");
      Files.deleteIfExists(failure);
      job.set(StreamingKeys.LOCAL_FAILURE_FILE, failure.toAbsolutePath().toString());
    } else {
      for (FileLocalizer.Entry entry : FileLocalizer.entries(body.hadoop().files(), context.appPath())) {
        org.apache.hadoop.mapreduce.Job.addCacheFile(cacheUri(entry, job), job);
      }
      for (FileLocalizer.Entry entry : FileLocalizer.entries(body.hadoop().archives(), context.appPath())) {
        org.apache.hadoop.mapreduce.Job.addCacheArchive(cacheUri(entry, job), job);
      }
    }
    return null;
  }

  /** The failure a local task recorded, or null. */
  static String localFailure(JobConf job) {
    String file = job.get(StreamingKeys.LOCAL_FAILURE_FILE);
    try {
      return file == null || !Files.exists(java.nio.file.Path.of(file)) ? null
          : Files.readString(java.nio.file.Path.of(file));
    } catch (IOException e) {
      return null;
    }
  }

  private static java.net.URI cacheUri(FileLocalizer.Entry entry, JobConf job) throws IOException {
    org.apache.hadoop.fs.Path qualified = entry.source().getFileSystem(job).makeQualified(entry.source());
    try {
      java.net.URI uri = qualified.toUri();
      return new java.net.URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, entry.link());
    } catch (java.net.URISyntaxException e) {
      throw new IOException("Invalid <file>/<archive> " + entry.source() + ": " + e.getMessage(), e);
    }
  }

  /** A command of {@code <mapper>}/{@code <reducer>}: blank is none. */
  private static String text(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
