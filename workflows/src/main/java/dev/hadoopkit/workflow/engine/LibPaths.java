package dev.hadoopkit.workflow.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Oozie's library paths beyond the app's own {@code lib/}: {@code oozie.libpath} (comma-separated directories or
 * jars, on any Hadoop FileSystem) for every action of the run, and with {@code oozie.use.system.libpath=true} the
 * system library of each action type (Oozie's sharelib): {@code <system libpath>/<type>/*.jar}, the type's
 * directory named by {@code oozie.action.sharelib.for.<type>} when set (comma-separated), under the newest
 * {@code lib_<timestamp>} directory when the system libpath has them (Oozie 4+'s layout). The system libpath is the
 * engine's {@value #SYSTEM_LIBPATH} (as in Oozie, a setting of the engine, not of the job).
 */
final class LibPaths {
  public static final String LIBPATH = "oozie.libpath";
  public static final String USE_SYSTEM = "oozie.use.system.libpath";
  public static final String SYSTEM_LIBPATH = "oozie.service.WorkflowAppService.system.libpath";
  public static final String SHARELIB_FOR = "oozie.action.sharelib.for.";
  /** Oozie's {@code JavaActionExecutor.OOZIE_COMMON_LIBDIR}. */
  public static final String LAUNCHER_DIR = "oozie";

  private LibPaths() {
  }

  /** The jars of {@code oozie.libpath}, local paths (remote ones copied); an entry that does not exist is an error. */
  public static List<String> jobJars(Map<String, String> jobConf, Configuration hadoop) throws IOException {
    String value = jobConf.get(LIBPATH);
    List<String> jars = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return jars;
    }
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = new Path(entry.trim());
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        throw new IOException(LIBPATH + " names " + path + ", which does not exist: give directories or jars"
            + " that exist (comma-separated)");
      }
      jars.addAll(jarsOf(fs, path));
    }
    return jars;
  }

  /**
   * Oozie's launcher library, the system libpath's {@value #LAUNCHER_DIR}/ directory (oozie-sharelib-oozie:
   * LauncherMain, MapReduceMain, JavaMain): Oozie puts it on the class path of every action it launches, whatever
   * {@value #USE_SYSTEM} says, so a custom main extending those classes finds them. None when the system libpath or
   * the directory does not exist.
   */
  public static List<String> launcherJars(Configuration hadoop) throws IOException {
    String root = hadoop.get(SYSTEM_LIBPATH);
    if (root == null || root.isBlank()) {
      return List.of();
    }
    Path base = new Path(root.trim());
    FileSystem fs = base.getFileSystem(hadoop);
    if (!fs.exists(base)) {
      return List.of();
    }
    FileStatus[] stamped = fs.globStatus(new Path(base, "lib_*"));
    if (stamped != null && stamped.length > 0) {
      base = Arrays.stream(stamped).map(FileStatus::getPath).max(Comparator.comparing(Path::getName)).orElseThrow();
    }
    Path dir = new Path(base, LAUNCHER_DIR);
    return fs.exists(dir) ? jarsOf(fs, dir) : List.of();
  }

  /** The system library jars of an action type, when the job asks for them; none otherwise. */
  public static List<String> systemJars(Map<String, String> jobConf, String actionType, Configuration hadoop)
      throws IOException {
    String root = hadoop.get(SYSTEM_LIBPATH);
    if (!Boolean.parseBoolean(jobConf.getOrDefault(USE_SYSTEM, "false")) || root == null || root.isBlank()) {
      return List.of();
    }
    Path base = new Path(root.trim());
    FileSystem fs = base.getFileSystem(hadoop);
    if (!fs.exists(base)) {
      throw new IOException(USE_SYSTEM + " is true but the system libpath " + base + " (" + SYSTEM_LIBPATH
          + ") does not exist: create it with a directory per action type, or set it with -D" + SYSTEM_LIBPATH
          + "=DIR");
    }
    FileStatus[] stamped = fs.globStatus(new Path(base, "lib_*"));
    if (stamped != null && stamped.length > 0) {
      base = Arrays.stream(stamped).map(FileStatus::getPath).max(Comparator.comparing(Path::getName)).orElseThrow();
    }
    List<String> jars = new ArrayList<>();
    for (String name : jobConf.getOrDefault(SHARELIB_FOR + actionType, actionType).split(",")) {
      Path dir = new Path(base, name.trim());
      if (!name.isBlank() && fs.exists(dir)) {
        jars.addAll(jarsOf(fs, dir));
      }
    }
    return jars;
  }

  private static List<String> jarsOf(FileSystem fs, Path path) throws IOException {
    List<String> jars = new ArrayList<>();
    if (fs.getFileStatus(path).isFile()) {
      jars.add(WorkflowApp.localCopy(fs, path));
      return jars;
    }
    FileStatus[] entries = fs.listStatus(path);
    Arrays.sort(entries, Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus status : entries) {
      if (status.isFile() && status.getPath().getName().endsWith(".jar")) {
        jars.add(WorkflowApp.localCopy(fs, status.getPath()));
      }
    }
    return jars;
  }
}
