package dev.hadoopkit.jobs.movies;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.cli.JobCommand;
import dev.hadoopkit.jobs.cli.JobSpec;
import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Job;

/** A job over per-movie aggregates: the same map and combine steps, its own reducer and options. */
abstract class MovieJob extends JobCommand {

  protected MovieJob(JobSpec spec) {
    super(spec);
  }

  @Override
  protected final void configure(Job job, CommandLine command) throws UsageException {
    job.setMapperClass(MovieAggregateMapper.class);
    job.setCombinerClass(MovieAggregateCombiner.class);
    job.setMapOutputKeyClass(IntWritable.class);
    job.setMapOutputValueClass(MovieAggregateWritable.class);
    job.setReducerClass(reducer());
    configure(job.getConfiguration(), command);
  }

  protected abstract Class<? extends MovieResultReducer> reducer();

  /** Copies the job's options into the configuration its reducer reads. */
  protected void configure(Configuration conf, CommandLine command) throws UsageException {
  }
}
