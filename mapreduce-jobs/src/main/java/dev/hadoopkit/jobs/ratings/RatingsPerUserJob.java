package dev.hadoopkit.jobs.ratings;

import dev.hadoopkit.jobs.cli.JobCommand;
import dev.hadoopkit.jobs.cli.JobSpec;
import dev.hadoopkit.jobs.input.RatingBatch;
import dev.hadoopkit.jobs.runtime.IntAggregates;
import java.io.IOException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.reduce.LongSumReducer;
import org.apache.hadoop.util.ToolRunner;

/** How many ratings each user gave: {@code userId, count}, by user id. */
public class RatingsPerUserJob extends JobCommand {

  /** Users a mapper keeps in memory before it emits what it has (bounds its heap use). */
  static final int MAX_USERS_IN_MEMORY = 1 << 20;

  public RatingsPerUserJob() {
    super(new JobSpec("ratings-per-user",
        "Count the ratings each user gave (userId, count), by user id.",
        List.of("userId", "count"), MoviesOption.NONE,
        "Example: hadoop jar movielens-jobs.jar ratings-per-user ml-100k/u.data out/per-user\n"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new RatingsPerUserJob(), args));
  }

  @Override
  protected void configure(Job job, CommandLine command) {
    job.setMapperClass(UserCountMapper.class);
    job.setCombinerClass(LongSumReducer.class);
    job.setReducerClass(UserCountReducer.class);
    job.setMapOutputKeyClass(IntWritable.class);
    job.setMapOutputValueClass(LongWritable.class);
  }

  /** Counts per user in memory and emits the counts once per task (in-mapper combining). */
  public static class UserCountMapper extends Mapper<NullWritable, RatingBatch, IntWritable, LongWritable> {
    private final IntAggregates perUser = new IntAggregates();

    @Override
    protected void map(NullWritable key, RatingBatch batch, Context context) throws IOException, InterruptedException {
      for (int i = 0; i < batch.size(); i++) {
        perUser.add(batch.userId(i), 1);
      }
      if (perUser.size() >= MAX_USERS_IN_MEMORY) {
        flush(context);
      }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      flush(context);
    }

    private void flush(Context context) throws IOException, InterruptedException {
      IntWritable user = new IntWritable();
      LongWritable count = new LongWritable();
      perUser.forEach((userId, sum, ratings) -> {
        user.set(userId);
        count.set(ratings);
        context.write(user, count);
      });
      perUser.clear();
    }
  }

  /** Writes {@code userId TAB count}. */
  public static class UserCountReducer extends Reducer<IntWritable, LongWritable, Text, NullWritable> {
    private final Text line = new Text();

    @Override
    protected void reduce(IntWritable user, Iterable<LongWritable> counts, Context context) throws IOException, InterruptedException {
      long total = 0;
      for (LongWritable count : counts) {
        total += count.get();
      }
      line.set(user.get() + "\t" + total);
      context.write(line, NullWritable.get());
    }
  }
}
