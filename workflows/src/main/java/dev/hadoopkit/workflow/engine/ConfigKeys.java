package dev.hadoopkit.workflow.engine;

import java.util.List;

/** Every configuration key of the workflow engine, with its default and meaning (printed by {@code --help}). */
public final class ConfigKeys {
  private ConfigKeys() {
  }

  public record Key(String name, String defaultValue, String description) {
  }

  public static final String STATE_DIR = "hk.workflow.state.dir";
  public static final String STATE_DIR_ENV = "HK_WORKFLOW_STATE_DIR";
  public static final String POOL_SIZE = "hk.workflow.pool.size";
  public static final String CAPTURE_LIMIT = "hk.workflow.capture-output.max";
  public static final String JOURNAL_SYNC = "hk.workflow.journal.sync";
  public static final String APP_PATH = "oozie.wf.application.path";
  public static final String RERUN_FAIL_NODES = "oozie.wf.rerun.failnodes";
  public static final String RERUN_SKIP_NODES = "oozie.wf.rerun.skip.nodes";
  public static final String DEPLOY_FROM = "hk.workflow.deploy.from";

  public static final int DEFAULT_POOL_SIZE = 8;
  public static final int DEFAULT_CAPTURE_LIMIT = 64 * 1024;

  public static final List<Key> ALL = List.of(
      new Key(STATE_DIR, "~/.hadoopkit/workflows", "where runs are journaled (also env " + STATE_DIR_ENV + ")"),
      new Key(POOL_SIZE, String.valueOf(DEFAULT_POOL_SIZE), "actions of one run that may execute at once (fork)"),
      new Key(CAPTURE_LIMIT, String.valueOf(DEFAULT_CAPTURE_LIMIT),
          "bytes of <capture-output> an action may produce (Oozie's default is 2048)"),
      new Key(JOURNAL_SYNC, "true", "force each journal record to disk before acting on it"),
      new Key(APP_PATH, "", "the workflow application directory or workflow.xml (job.properties)"),
      new Key(RERUN_FAIL_NODES, "false", "rerun: true reruns only the nodes that did not end OK"),
      new Key(RERUN_SKIP_NODES, "", "rerun: comma-separated action nodes to skip (they must have ended OK)"),
      new Key(DEPLOY_FROM, "", "run: a local app dir deployed to oozie.wf.application.path when that is missing"));
}
