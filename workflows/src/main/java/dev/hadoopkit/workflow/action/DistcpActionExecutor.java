package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import java.util.List;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.tools.DistCp;
import org.apache.hadoop.tools.DistCpOptions;
import org.apache.hadoop.tools.OptionsParser;

/**
 * The distcp action: Hadoop's DistCp with the action's {@code <arg>}s, submitted as a MapReduce job from the engine
 * (LocalJobRunner or YARN). The job id is the external id; its counters are kept for {@code hadoop:counters}.
 */
final class DistcpActionExecutor implements ActionExecutor {

  @Override
  public String type() {
    return "distcp";
  }

  /**
   * What {@code DistCp.run(args)} does before submitting and {@code createAndSubmitJob()} does not: record whether
   * the target exists (copy into it, or copy as it). The setter is reached through DistCp's private context field.
   */
  private static void markTargetExistence(DistCp distCp, DistCpOptions options,
      org.apache.hadoop.conf.Configuration conf) throws Exception {
    org.apache.hadoop.fs.Path target = options.getTargetPath();
    boolean exists = target.getFileSystem(conf).exists(target);
    java.lang.reflect.Field field = DistCp.class.getDeclaredField("context");
    field.setAccessible(true);
    ((org.apache.hadoop.tools.DistCpContext) field.get(distCp)).setTargetPathExists(exists);
    distCp.getConf().setBoolean(org.apache.hadoop.tools.DistCpConstants.CONF_LABEL_TARGET_PATH_EXISTS, exists);
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws Exception {
    List<String> args = context.body(ActionBody.Distcp.class).args();
    DistCpOptions options;
    try {
      options = OptionsParser.parse(args.toArray(new String[0]));
    } catch (IllegalArgumentException e) {
      return ActionOutcome.error(RunErrorCode.DISTCP_ARGS, "invalid distcp arguments " + args + ": " + e.getMessage());
    }
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(context.conf());
    DistCp distCp = new DistCp(conf, options);
    markTargetExistence(distCp, options, conf);
    if (context.cancellation().isCancelled()) {
      return ActionOutcome.error(RunErrorCode.KILLED, "the workflow ended before the DistCp job of node ["
          + context.node() + "] was submitted; nothing was submitted");
    }
    Job job = distCp.createAndSubmitJob();
    Runnable kill = () -> {
      try {
        if (!job.isComplete()) {
          job.killJob();
        }
      } catch (java.io.IOException ignored) {
        // the job may be gone already
      }
    };
    context.cancellation().onCancel(kill); // first: a kill during the submission stops the job at once
    context.externalId().accept(job.getJobID().toString());
    try {
      while (!job.isComplete()) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      kill.run();
      throw e;
    }
    var counters = MapReduceJobResults.counters(job.getCounters());
    if (job.isSuccessful()) {
      return ActionOutcome.ok().withCounters(counters);
    }
    return ActionOutcome.error(RunErrorCode.JA018, "DistCp job " + job.getJobID() + " ended " + job.getJobState()
        + (job.getStatus().getFailureInfo() == null ? "" : ": " + job.getStatus().getFailureInfo()))
        .withCounters(counters);
  }
}
