package dev.hadoopkit.workflow.launcher;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.MapReduceBase;
import org.apache.hadoop.mapred.Mapper;
import org.apache.hadoop.mapred.OutputCollector;
import org.apache.hadoop.mapred.Reporter;

/** A map task that outlasts any test (2 minutes per record): a map-reduce action that is RUNNING when killed. */
public class SleepingMapper extends MapReduceBase implements Mapper<LongWritable, Text, LongWritable, Text> {
  @Override
  public void configure(JobConf job) {
  }

  @Override
  public void map(LongWritable key, Text value, OutputCollector<LongWritable, Text> out, Reporter reporter)
      throws IOException {
    try {
      Thread.sleep(120_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    out.collect(key, value);
  }
}
