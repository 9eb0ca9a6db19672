package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import org.apache.hadoop.mapred.JobConf;

/**
 * The map-reduce action: a job built from the action's configuration (old API {@code mapred.mapper.class}, or the new
 * API with {@code mapred.mapper.new-api=true} / {@code mapreduce.job.map.class}), submitted with Hadoop's
 * {@code JobClient} to the LocalJobRunner or the cluster. The job id is the action's external id; its counters are
 * kept for {@code hadoop:counters}.
 *
 * <p>This class builds the job's configuration and chooses where its driver runs: in the engine
 * ({@link InEngineJobSubmission}) or in a launcher ({@link MapReduceDriverLauncher}); {@link MapReduceJobFiles} ships
 * the app's files either way, and {@link MapReduceJobResults} turns the finished job into counters and a reason.
 */
final class MapReduceActionExecutor implements ActionExecutor {
  /** Oozie's name for the group of record counters ({@code ${RECORDS}}), as {@code hadoop:counters} shows it. */
  static final String RECORDS_GROUP = MapReduceJobResults.RECORDS_GROUP;

  @Override
  public String type() {
    return "map-reduce";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws Exception {
    ActionBody.MapReduce body = context.body(ActionBody.MapReduce.class);
    if (body.pipes()) {
      return ActionOutcome.error("E0723", "map-reduce <pipes> is not supported by this engine (node ["
          + context.node() + "]); use <streaming> with the program as <mapper>/<reducer>, or a shell action");
    }
    JobConf job = new JobConf(context.conf());
    ActionBody.Streaming streaming = body.streaming();
    if (streaming != null) {
      String problem = StreamingSetup.configure(job, body, context);
      if (problem != null) {
        return ActionOutcome.error("STREAMING", problem);
      }
    }
    if (job.getBoolean("mapred.mapper.new-api", false) || job.get("mapreduce.job.map.class") != null) {
      job.setUseNewMapper(true);
    }
    if (job.getBoolean("mapred.reducer.new-api", false) || job.get("mapreduce.job.reduce.class") != null) {
      job.setUseNewReducer(true);
    }
    if (job.getJobName() == null || job.getJobName().isEmpty()) {
      job.setJobName("oozie:action:T=map-reduce:W=" + context.runId() + ":A=" + context.node());
    }
    boolean local = "local".equals(job.get("mapreduce.framework.name", "local"));
    String customMain = job.getTrimmed(CustomMainLauncher.MAIN_CLASS);
    if (customMain != null && !customMain.isEmpty()) {
      return MapReduceDriverLauncher.customMain(job, customMain, streaming, local, context);
    }
    if (!local && dev.hadoopkit.workflow.launcher.LauncherMode.of(context.conf(), context.workflowConf())
        == dev.hadoopkit.workflow.launcher.LauncherMode.YARN) {
      return MapReduceDriverLauncher.onYarn(job, streaming, context);
    }
    return InEngineJobSubmission.run(job, streaming, local, context);
  }
}
