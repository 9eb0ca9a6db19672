package dev.hadoopkit.workflow.streaming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;

/**
 * The map side of a streaming job: the records of the split go to the command's stdin — the line alone for
 * TextInputFormat, else key, separator, value — and each line of its stdout becomes an output record split at the
 * first separator (see {@link StreamLines}). Without a command ({@link StreamingKeys#MAP_COMMAND} unset) records pass
 * through as with {@code cat}.
 */
public class StreamingMapper extends Mapper<Object, Object, Text, Text> {

  @Override
  public void run(Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    String command = conf.get(StreamingKeys.MAP_COMMAND, "").trim();
    boolean ignoreKey = ignoreKey(conf, context);
    byte[] separator = StreamingTask.unescape(conf.get(StreamingKeys.MAP_INPUT_SEPARATOR,
        StreamingKeys.DEFAULT_SEPARATOR)).getBytes(StandardCharsets.UTF_8);
    StreamLines lines = StreamingTask.lines(conf, StreamingKeys.MAP_OUTPUT_SEPARATOR,
        StreamingKeys.MAP_OUTPUT_KEY_FIELDS);
    StreamProcess.Sink sink = StreamingTask.sink(context, lines);
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    if (command.isEmpty()) {
      while (context.nextKeyValue()) {
        sink.line(new String(line(record, context.getCurrentKey(), context.getCurrentValue(), ignoreKey, separator),
            StandardCharsets.UTF_8));
      }
      return;
    }
    try (StreamProcess process = StreamProcess.start("mapper", command,
        StreamingTask.workDir(conf, context.getTaskAttemptID().toString()), StreamingTask.environment(conf, context),
        sink, StreamingTask.reporter(conf, context, "mapper"))) {
      while (context.nextKeyValue()) {
        byte[] bytes = line(record, context.getCurrentKey(), context.getCurrentValue(), ignoreKey, separator);
        process.writeLine(bytes, bytes.length);
      }
      process.finish(conf.getBoolean(StreamingKeys.NON_ZERO_EXIT_IS_FAILURE, true));
    } catch (IOException e) {
      throw StreamingTask.recordFailure(conf, e);
    }
  }

  private static byte[] line(ByteArrayOutputStream record, Object key, Object value, boolean ignoreKey,
      byte[] separator) {
    if (ignoreKey) {
      return StreamingTask.bytes(value);
    }
    record.reset();
    record.writeBytes(StreamingTask.bytes(key));
    record.writeBytes(separator);
    record.writeBytes(StreamingTask.bytes(value));
    return record.toByteArray();
  }

  private static boolean ignoreKey(Configuration conf, Context context) {
    String explicit = conf.get(StreamingKeys.MAP_INPUT_IGNORE_KEY);
    if (explicit != null) {
      return Boolean.parseBoolean(explicit.trim());
    }
    try {
      Class<?> format = context.getInputFormatClass();
      return TextInputFormat.class.isAssignableFrom(format);
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
