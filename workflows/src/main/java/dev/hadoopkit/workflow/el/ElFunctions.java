package dev.hadoopkit.workflow.el;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Oozie's workflow EL functions, as static methods bound by {@link ElEvaluator}'s function mapper (EL functions must be
 * static). The scope of the evaluation in progress is held by {@link ElEvaluator} for the calling thread only, for the
 * duration of one {@code evaluate} call.
 */
public final class ElFunctions {
  private ElFunctions() {
  }

  private static ElScope scope() {
    return ElEvaluator.currentScope();
  }

  private static WorkflowElContext wf() {
    ElScope scope = scope();
    if (scope.workflow() == null) {
      throw new IllegalStateException("wf: and hadoop: functions are only available while a workflow runs");
    }
    return scope.workflow();
  }

  private static boolean checking() {
    return scope().isChecking();
  }

  // ---- basic functions (no prefix)

  public static String concat(String a, String b) {
    return (a == null ? "" : a) + (b == null ? "" : b);
  }

  public static String replaceAll(String src, String regex, String replacement) {
    if (src == null) {
      return null;
    }
    return src.replaceAll(regex == null ? "" : regex, replacement == null ? "" : replacement);
  }

  public static String appendAll(String src, String append, String delimiter) {
    if (src == null) {
      return null;
    }
    if (delimiter == null || delimiter.isEmpty()) {
      return src + (append == null ? "" : append);
    }
    String[] parts = src.split(java.util.regex.Pattern.quote(delimiter), -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      out.append(parts[i]).append(append == null ? "" : append);
    }
    return out.toString();
  }

  public static String trim(String value) {
    return value == null ? "" : value.trim();
  }

  public static String urlEncode(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The current UTC time as Oozie prints it: {@code yyyy-MM-ddTHH:mmZ}. */
  public static String timestamp() {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm'Z'");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(new Date());
  }

  public static String firstNotNull(String a, String b) {
    return a != null && !a.isEmpty() ? a : b;
  }

  /** A map (e.g. {@code wf:actionData('node')}) as a JSON object, as Oozie's {@code toJsonStr}. */
  public static String toJsonStr(Map<String, String> map) {
    try {
      return JSON.writeValueAsString(map == null ? Map.of() : map);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("toJsonStr: cannot write the map as JSON: " + e.getMessage(), e);
    }
  }

  /** A map as Java properties text ({@code key=value} lines, escaped as {@link java.util.Properties} does). */
  public static String toPropertiesStr(Map<String, String> map) {
    java.util.Properties properties = new java.util.Properties();
    if (map != null) {
      map.forEach((k, v) -> properties.setProperty(k, v == null ? "" : v));
    }
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      properties.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // without store()'s date comment line
    return out.toString().lines().filter(line -> !line.startsWith("#"))
        .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
  }

  /** A map as a Hadoop {@code <configuration>} XML document. */
  public static String toConfigurationStr(Map<String, String> map) {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
    if (map != null) {
      map.forEach((k, v) -> conf.set(k, v == null ? "" : v));
    }
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      conf.writeXml(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  // ---- wf:

  public static String wf_id() {
    return checking() ? "0000000-000000000000000-hk-W" : wf().id();
  }

  public static String wf_name() {
    return checking() ? "" : wf().name();
  }

  public static String wf_appPath() {
    return checking() ? "" : wf().appPath();
  }

  public static String wf_conf(String property) {
    if (checking()) {
      return scope().variables().getOrDefault(property, "");
    }
    return wf().conf(property);
  }

  public static String wf_user() {
    return checking() ? System.getProperty("user.name") : wf().user();
  }

  public static String wf_group() {
    return checking() ? "" : wf().group();
  }

  public static int wf_run() {
    return checking() ? 0 : wf().run();
  }

  public static String wf_lastErrorNode() {
    return checking() ? "" : wf().lastErrorNode();
  }

  public static String wf_errorCode(String node) {
    return checking() ? "" : wf().errorCode(node);
  }

  public static String wf_errorMessage(String node) {
    return checking() ? "" : wf().errorMessage(node);
  }

  public static String wf_transition(String node) {
    return checking() ? "" : wf().transition(node);
  }

  public static Map<String, String> wf_actionData(String node) {
    return checking() ? Map.of() : wf().actionData(node);
  }

  public static String wf_actionExternalId(String node) {
    return checking() ? "" : wf().actionExternalId(node);
  }

  /** The state of the action's job: SUCCEEDED, FAILED, KILLED or RUNNING; empty before it started. */
  public static String wf_actionExternalStatus(String node) {
    return checking() ? "" : wf().actionExternalStatus(node);
  }

  /**
   * Oozie's link to the action's job in the cluster's web UI. The engine keeps no tracker URL: empty (the external
   * id, {@code wf:actionExternalId}, names the job).
   */
  public static String wf_actionTrackerUri(String node) {
    return "";
  }

  /**
   * Oozie's callback URL for an action that reports its end itself. The embedded engine has no callback server, so
   * this names the run and the state in the same form, for scripts that only pass it on.
   */
  public static String wf_callback(String stateVar) {
    String id = checking() ? wf_id() : wf().id();
    return "hk-workflow://callback?id=" + id + "&status=" + (stateVar == null ? "" : stateVar);
  }

  // ---- hadoop:

  /**
   * A property of the Hadoop configuration the run uses, as Oozie's {@code hadoop:conf(cluster, name)}; the engine
   * works with one cluster, whatever {@code cluster} says.
   */
  public static String hadoop_conf(String cluster, String name) {
    if (checking() || name == null) {
      return "";
    }
    String value = wf().hadoopConf().get(name);
    return value == null ? "" : value;
  }

  public static Map<String, Map<String, Long>> hadoop_counters(String node) {
    return checking() ? Map.of() : wf().counters(node);
  }

  // ---- fs:

  private static FileStatus status(String path) {
    if (checking()) {
      return null;
    }
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(wf().hadoopConf());
      return fs.exists(p) ? fs.getFileStatus(p) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("fs: cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Whether the path exists; a glob ({@code part-*}, {@code {a,b}}) exists when it matches anything. */
  public static boolean fs_exists(String path) {
    if (path != null && !checking() && path.matches(".*[*?\\[{].*")) {
      try {
        Path p = new Path(path);
        FileStatus[] matches = p.getFileSystem(wf().hadoopConf()).globStatus(p);
        return matches != null && matches.length > 0;
      } catch (IOException e) {
        throw new UncheckedIOException("fs:exists cannot read " + path + ": " + e.getMessage(), e);
      }
    }
    return status(path) != null;
  }

  public static boolean fs_isDir(String path) {
    FileStatus status = status(path);
    return status != null && status.isDirectory();
  }

  /** Size of a file in bytes, -1 when it does not exist or is a directory (Oozie's contract). */
  public static long fs_fileSize(String path) {
    FileStatus status = status(path);
    return status == null || status.isDirectory() ? -1 : status.getLen();
  }

  /** Sum of the sizes of the files directly in a directory, -1 when it is not a directory. */
  public static long fs_dirSize(String path) {
    FileStatus status = status(path);
    if (status == null || !status.isDirectory()) {
      return -1;
    }
    try {
      Path p = new Path(path);
      long total = 0;
      for (FileStatus child : p.getFileSystem(wf().hadoopConf()).listStatus(p)) {
        if (child.isFile()) {
          total += child.getLen();
        }
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException("fs:dirSize cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  public static long fs_blockSize(String path) {
    FileStatus status = status(path);
    return status == null || status.isDirectory() ? -1 : status.getBlockSize();
  }
}
