package dev.hadoopkit.workflow.streaming;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the streaming mapper and reducer share: working directory, environment, stderr handling, output writing. */
final class StreamingTask {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingTask.class);

  private StreamingTask() {
  }

  /**
   * The task's working directory. Local mode: a directory of its own under the action's, with a link to each
   * localized {@code <file>}/{@code <archive>}. Cluster: the container's directory, where YARN linked them.
   */
  static Path workDir(Configuration conf, String attemptId) throws IOException {
    String filesDir = conf.get(StreamingKeys.LOCAL_FILES_DIR);
    if (filesDir == null || filesDir.isEmpty()) {
      return Paths.get("").toAbsolutePath();
    }
    Path shared = Paths.get(filesDir);
    Path dir = Files.createDirectories(shared.resolve("tasks").resolve(attemptId));
    for (String name : conf.getTrimmedStringCollection(StreamingKeys.FILES)) {
      Path link = dir.resolve(name);
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, shared.resolve(name).toAbsolutePath());
      }
    }
    return dir;
  }

  /** The {@code <env>} entries, NAME=VALUE one per line, plus the task's ids as Hadoop Streaming exports them. */
  static Map<String, String> environment(Configuration conf, TaskInputOutputContext<?, ?, ?, ?> context) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("mapreduce_job_id", context.getJobID().toString());
    env.put("mapreduce_task_id", context.getTaskAttemptID().getTaskID().toString());
    env.put("mapreduce_task_attempt_id", context.getTaskAttemptID().toString());
    env.put("mapreduce_task_partition", Integer.toString(context.getTaskAttemptID().getTaskID().getId()));
    for (String entry : conf.get(StreamingKeys.ENV, "").split("\n")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Invalid streaming <env> entry [" + entry + "]: expected NAME=VALUE");
      }
      env.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
    }
    return env;
  }

  /** Counters and status from {@code reporter:} lines; other stderr lines to the action's stderr or the task log. */
  static StreamProcess.Reporter reporter(Configuration conf, TaskInputOutputContext<?, ?, ?, ?> context,
      String role) {
    String stderrFile = conf.get(StreamingKeys.LOCAL_STDERR_FILE);
    return new StreamProcess.Reporter() {
      @Override
      public void counter(String group, String name, long amount) {
        context.getCounter(group, name).increment(amount);
      }

      @Override
      public void status(String message) {
        context.setStatus(message);
      }

      @Override
      public void log(String line) {
        if (stderrFile == null || stderrFile.isEmpty()) {
          System.err.println(line); // the container's stderr log
          return;
        }
        byte[] bytes = ("[" + role + " " + context.getTaskAttemptID() + "] " + line + "\n")
            .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(Paths.get(stderrFile), StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
          out.write(bytes); // one write per line: lines of parallel tasks do not interleave
        } catch (IOException e) {
          LOG.warn("{} stderr: {}", role, line);
        }
      }
    };
  }

  /** Local mode: keeps the first task error for the action's message (the LocalJobRunner reports none). */
  static IOException recordFailure(Configuration conf, IOException error) {
    String file = conf.get(StreamingKeys.LOCAL_FAILURE_FILE);
    if (file != null && !file.isEmpty()) {
      try {
        Files.writeString(Paths.get(file), String.valueOf(error.getMessage()), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (IOException ignored) {
        // another task failed first; its message is kept
      }
    }
    return error;
  }

  /** Writes each output line as a Text key and value, split as configured. */
  static StreamProcess.Sink sink(TaskInputOutputContext<?, ?, Text, Text> context, StreamLines lines) {
    Text key = new Text();
    Text value = new Text();
    return line -> {
      StreamLines.KeyValue kv = lines.split(line);
      key.set(kv.key());
      value.set(kv.value());
      context.write(key, value);
    };
  }

  static StreamLines lines(Configuration conf, String separatorKey, String fieldsKey) {
    return new StreamLines(unescape(conf.get(separatorKey, StreamingKeys.DEFAULT_SEPARATOR)),
        conf.getInt(fieldsKey, StreamingKeys.DEFAULT_KEY_FIELDS));
  }

  /** Separators may be written as {@code \t} in XML. */
  static String unescape(String separator) {
    return separator.replace("\\t", "\t");
  }

  /** Text or any Writable as bytes. */
  static byte[] bytes(Object writable) {
    if (writable instanceof Text text) {
      return text.getLength() == text.getBytes().length ? text.getBytes()
          : java.util.Arrays.copyOf(text.getBytes(), text.getLength());
    }
    return String.valueOf(writable).getBytes(StandardCharsets.UTF_8);
  }
}
