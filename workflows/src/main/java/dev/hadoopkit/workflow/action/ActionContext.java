package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/**
 * Everything an executor needs for one attempt of one action, built by the engine: the action body with EL resolved,
 * as its typed record (the DOM stays with the engine, which resolves EL in it), the action's Hadoop configuration
 * ({@code <global>}, {@code <job-xml>}, {@code <configuration>}, name-node and job-tracker applied), the app's lib
 * jars, a local working directory for output, and hooks back to the engine.
 */
public record ActionContext(
    String runId,
    String node,
    int attempt,
    ActionBody body,
    Configuration conf,
    String appPath,
    Map<String, String> workflowConf,
    List<String> libJars,
    Path workDir,
    int captureOutputLimit,
    Consumer<String> externalId,
    String previousExternalId,
    Cancellation cancellation,
    SubWorkflowRunner subWorkflows) {

  /** The typed body as the record of the executor's type (the registry maps each type to its executor). */
  public <T extends ActionBody> T body(Class<T> type) {
    return type.cast(body);
  }
}
