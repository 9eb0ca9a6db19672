package dev.hadoopkit.workflow.streaming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * The reduce side of a streaming job: every value of every key, in sorted key order, goes to the command's stdin as
 * {@code key<TAB>value}; its stdout lines become output records split as the mapper's are. Without a command
 * ({@link StreamingKeys#REDUCE_COMMAND} unset) the pairs pass through unchanged.
 */
public class StreamingReducer extends Reducer<Text, Text, Text, Text> {

  @Override
  public void run(Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    String command = conf.get(StreamingKeys.REDUCE_COMMAND, "").trim();
    byte[] separator = StreamingTask.unescape(conf.get(StreamingKeys.REDUCE_INPUT_SEPARATOR,
        StreamingKeys.DEFAULT_SEPARATOR)).getBytes(StandardCharsets.UTF_8);
    if (command.isEmpty()) {
      while (context.nextKey()) {
        for (Text value : context.getValues()) {
          context.write(context.getCurrentKey(), value);
        }
      }
      return;
    }
    StreamLines lines = StreamingTask.lines(conf, StreamingKeys.REDUCE_OUTPUT_SEPARATOR,
        StreamingKeys.REDUCE_OUTPUT_KEY_FIELDS);
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    try (StreamProcess process = StreamProcess.start("reducer", command,
        StreamingTask.workDir(conf, context.getTaskAttemptID().toString()), StreamingTask.environment(conf, context),
        StreamingTask.sink(context, lines), StreamingTask.reporter(conf, context, "reducer"))) {
      while (context.nextKey()) {
        Text key = context.getCurrentKey();
        for (Text value : context.getValues()) {
          record.reset();
          record.write(key.getBytes(), 0, key.getLength());
          record.writeBytes(separator);
          record.write(value.getBytes(), 0, value.getLength());
          process.writeLine(record.toByteArray(), record.size());
        }
      }
      process.finish(conf.getBoolean(StreamingKeys.NON_ZERO_EXIT_IS_FAILURE, true));
    } catch (IOException e) {
      throw StreamingTask.recordFailure(conf, e);
    }
  }
}
