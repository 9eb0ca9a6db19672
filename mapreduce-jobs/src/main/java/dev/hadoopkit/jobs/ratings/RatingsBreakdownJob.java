package dev.hadoopkit.jobs.ratings;

import dev.hadoopkit.jobs.cli.JobCommand;
import dev.hadoopkit.jobs.cli.JobSpec;
import dev.hadoopkit.jobs.input.RatingBatch;
import dev.hadoopkit.jobs.output.OutputNumbers;
import java.io.IOException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.reduce.LongSumReducer;
import org.apache.hadoop.util.ToolRunner;

/** How many ratings of each star value: {@code rating, count}, by rating. */
public class RatingsBreakdownJob extends JobCommand {

  public RatingsBreakdownJob() {
    super(new JobSpec("ratings-breakdown",
        "Count the ratings of each star value (rating, count), by rating.",
        List.of("rating", "count"), MoviesOption.NONE,
        "Example: hadoop jar movielens-jobs.jar ratings-breakdown ml-100k/u.data out/breakdown\n"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new RatingsBreakdownJob(), args));
  }

  @Override
  protected void configure(Job job, CommandLine command) {
    job.setMapperClass(StarMapper.class);
    job.setCombinerClass(LongSumReducer.class);
    job.setReducerClass(StarCountReducer.class);
    job.setMapOutputKeyClass(DoubleWritable.class);
    job.setMapOutputValueClass(LongWritable.class);
  }

  /** Counts star values in memory (there are at most ten) and emits them once per task. */
  public static class StarMapper extends Mapper<NullWritable, RatingBatch, DoubleWritable, LongWritable> {
    private final double[] stars = new double[16];
    private final long[] counts = new long[16];
    private int distinct;

    @Override
    protected void map(NullWritable key, RatingBatch batch, Context context) throws IOException, InterruptedException {
      for (int r = 0; r < batch.size(); r++) {
        count(batch.rating(r), context);
      }
    }

    private void count(double rating, Context context) throws IOException, InterruptedException {
      for (int i = 0; i < distinct; i++) {
        if (stars[i] == rating) {
          counts[i]++;
          return;
        }
      }
      if (distinct == stars.length) {
        flush(context);
      }
      stars[distinct] = rating;
      counts[distinct++] = 1;
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      flush(context);
    }

    private void flush(Context context) throws IOException, InterruptedException {
      DoubleWritable star = new DoubleWritable();
      LongWritable count = new LongWritable();
      for (int i = 0; i < distinct; i++) {
        star.set(stars[i]);
        count.set(counts[i]);
        context.write(star, count);
      }
      distinct = 0;
    }
  }

  /** Writes {@code rating TAB count}. */
  public static class StarCountReducer extends Reducer<DoubleWritable, LongWritable, Text, NullWritable> {
    private final Text line = new Text();

    @Override
    protected void reduce(DoubleWritable star, Iterable<LongWritable> counts, Context context) throws IOException, InterruptedException {
      long total = 0;
      for (LongWritable count : counts) {
        total += count.get();
      }
      line.set(OutputNumbers.rating(star.get()) + "\t" + total);
      context.write(line, NullWritable.get());
    }
  }
}
