package dev.hadoopkit.workflow.streaming;

/**
 * Configuration keys of this project's streaming tasks ({@link StreamingMapper}, {@link StreamingReducer}). The
 * {@code stream.*} keys have Hadoop Streaming's names and defaults; the {@code hk.streaming.*} keys are set by the
 * map-reduce action from its {@code <streaming>} element.
 */
public final class StreamingKeys {
  private StreamingKeys() {
  }

  /** The mapper command line (from {@code <mapper>}); unset = identity (each record passes through as with cat). */
  public static final String MAP_COMMAND = "stream.map.streamprocessor";
  /** The reducer command line (from {@code <reducer>}); unset = identity. */
  public static final String REDUCE_COMMAND = "stream.reduce.streamprocessor";
  /** Environment entries NAME=VALUE for the commands (from {@code <env>}), one per line. */
  public static final String ENV = "hk.streaming.env";
  /** Separator between key and value in what the mapper reads; default tab. */
  public static final String MAP_INPUT_SEPARATOR = "stream.map.input.field.separator";
  /** Separator in the mapper's output lines; default tab. */
  public static final String MAP_OUTPUT_SEPARATOR = "stream.map.output.field.separator";
  /** How many separated fields of a mapper output line make the key; default 1. */
  public static final String MAP_OUTPUT_KEY_FIELDS = "stream.num.map.output.key.fields";
  /** Separator between key and value in what the reducer reads; default tab. */
  public static final String REDUCE_INPUT_SEPARATOR = "stream.reduce.input.field.separator";
  /** Separator in the reducer's output lines; default tab. */
  public static final String REDUCE_OUTPUT_SEPARATOR = "stream.reduce.output.field.separator";
  /** How many separated fields of a reducer output line make the key; default 1. */
  public static final String REDUCE_OUTPUT_KEY_FIELDS = "stream.num.reduce.output.key.fields";
  /** Whether the mapper gets only the value (true by default for TextInputFormat: the line, without its offset). */
  public static final String MAP_INPUT_IGNORE_KEY = "stream.map.input.ignoreKey";
  /** A command that exits non-zero fails the task; default true. */
  public static final String NON_ZERO_EXIT_IS_FAILURE = "stream.non.zero.exit.is.failure";
  /**
   * Local mode only: the action's directory holding its localized {@code <file>}s and {@code <archive>}s; each task
   * runs in a directory of its own below it, with a link per entry of {@link #FILES}. Unset (cluster): the task runs
   * in its container's directory, where YARN has linked the distributed-cache entries.
   */
  public static final String LOCAL_FILES_DIR = "hk.streaming.local.files.dir";
  /** Local mode only: the link names of the localized files and archives, comma-separated. */
  public static final String FILES = "hk.streaming.local.files";
  /** Local mode only: the file the commands' stderr lines are appended to (the action's stderr). */
  public static final String LOCAL_STDERR_FILE = "hk.streaming.local.stderr";
  /** Local mode only: a failing task writes its error here, for the action's error message. */
  public static final String LOCAL_FAILURE_FILE = "hk.streaming.local.failure";

  public static final String DEFAULT_SEPARATOR = "\t";
  public static final int DEFAULT_KEY_FIELDS = 1;
}
