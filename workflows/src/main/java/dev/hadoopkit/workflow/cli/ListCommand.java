package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.state.RunInfo;
import dev.hadoopkit.workflow.state.RunState;
import java.util.List;

/**
 * {@code jobs}: the runs in the state directory. Oozie's options ({@code -filter status=RUNNING;name=x;user=u},
 * {@code -offset}, {@code -len}, {@code -jobtype wf}) select, newest first; {@code --format oozie} prints what Oozie's
 * {@code oozie jobs} prints ({@code -verbose}: all columns).
 */
final class ListCommand implements Command {
  public String name() {
    return "jobs";
  }

  public String description() {
    return "list the runs in the state directory with their status (Oozie's -filter, -offset, -len)";
  }

  public String usage() {
    return "jobs [-filter 'status=RUNNING;name=x;user=u'] [-offset M] [-len N] [-jobtype wf] [--format oozie]"
        + " [-verbose]";
  }

  public List<String> examples() {
    return List.of("bin/workflow jobs", "bin/workflow jobs -filter 'status=RUNNING;status=SUSPENDED' -len 20",
        "bin/oozie jobs -jobtype wf -filter name=movielens -offset 1 -len 5");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("filter", "offset", "len", "jobtype", "format", "verbose"));
    String jobType = in.option("jobtype");
    if (jobType != null && !jobType.equals("wf")) {
      throw new UsageException("-jobtype " + jobType + ": the embedded engine has workflows only (-jobtype wf);"
          + " coordinators and bundles are listed by the daemon: bin/oozie jobs -oozie URL -jobtype " + jobType);
    }
    var filter = LocalOozie.filter(in.option("filter"));
    int offset = in.number("-", "offset", 1, 1);
    int len = in.number("-", "len", Integer.MAX_VALUE, 0);
    boolean oozie = "oozie".equals(in.option("format"));
    if (in.option("format") != null && !oozie) {
      throw new UsageException("--format " + in.option("format") + ": the formats are the default and oozie");
    }
    if (oozie || !filter.isEmpty() || in.option("offset") != null || in.option("len") != null) {
      var listing = LocalOozie.jobs(in.engine(), filter, offset, oozie && in.option("len") == null ? 50 : len);
      if (oozie) {
        OozieFormat.printWorkflowJobs(in.out(), listing, in.flag("verbose"));
      } else {
        for (var job : listing.path("workflows")) {
          in.out().println(String.format("%-30s %-10s run %-3d %s", job.path("id").asText(),
              job.path("status").asText(), job.path("run").asInt(), job.path("appName").asText()));
        }
      }
      return 0;
    }
    for (String id : in.engine().store().ids()) {
      try {
        RunState state = in.engine().store().load(id);
        RunInfo info = state.info();
        in.out().println(String.format("%-30s %-10s run %-3d %s", id, info.status(), info.run(), info.name()));
      } catch (java.io.IOException e) {
        in.out().println(String.format("%-30s %-10s %s", id, "UNREADABLE", e.getMessage()));
      }
    }
    return 0;
  }

}
