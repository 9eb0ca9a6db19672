package dev.hadoopkit.workflow.state;

import java.util.Map;
import java.util.Set;

/**
 * What a run is and where it stands, as one consistent snapshot of its {@link RunState} (read under one lock, so the
 * status, its message and the end time belong together).
 *
 * @param id the run's id
 * @param appPath the workflow application's path
 * @param name the workflow's name
 * @param user who submitted the run
 * @param parent the id of the run that started this one as a sub-workflow, or null
 * @param conf the run's configuration (the rerun's, after a rerun that gave one)
 * @param status the run's status
 * @param statusMessage why the run has its status, or null
 * @param run Oozie's {@code wf:run()}: 0 for the first run, +1 per rerun
 * @param createdTime when the run was submitted, in epoch milliseconds
 * @param endTime when the run ended, in epoch milliseconds; 0 while it has not
 * @param lastErrorNode the last node that ended in ERROR or FAILED, or null
 * @param skipNodes the nodes a rerun skips
 */
public record RunInfo(String id, String appPath, String name, String user, String parent, Map<String, String> conf,
    WorkflowStatus status, String statusMessage, int run, long createdTime, long endTime, String lastErrorNode,
    Set<String> skipNodes) {
}
