package dev.hadoopkit.ingest.merge;

import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * One record per key, as Sqoop 1.4.7's MergeReducer: a record of --new-data wins over those of --onto; among
 * several of the same side the last one seen is kept.
 */
final class MergeReducer extends Reducer<Text, MergeRecord, NullWritable, Text> {
  private final Text best = new Text();

  @Override
  protected void reduce(Text key, Iterable<MergeRecord> records, Context context) throws IOException, InterruptedException {
    boolean haveBest = false;
    boolean bestIsNew = false;
    long seen = 0;
    for (MergeRecord r : records) {
      seen++;
      if (!haveBest || r.fromNewData() || !bestIsNew) {
        best.set(r.record());
        haveBest = true;
        bestIsNew = r.fromNewData();
      }
    }
    context.write(NullWritable.get(), best);
    context.getCounter(MergeCounters.OUTPUT_RECORDS).increment(1);
    context.getCounter(MergeCounters.REPLACED).increment(seen - 1);
  }
}
