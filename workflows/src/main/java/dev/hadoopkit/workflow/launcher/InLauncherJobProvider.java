package dev.hadoopkit.workflow.launcher;

import dev.hadoopkit.formats.io.Formats;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.LocalJobRunner;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.protocol.ClientProtocol;
import org.apache.hadoop.mapreduce.protocol.ClientProtocolProvider;
import org.apache.hadoop.util.StringUtils;

/**
 * Uber mode for the launcher: a small MapReduce job that an action's driver submits from inside its YARN launcher
 * container runs in that container (Hadoop's LocalJobRunner, reading and writing the cluster's file system) instead
 * of as a second YARN application, whose ApplicationMaster would take a container, a JVM start and seconds of
 * scheduling for a job that reads a few megabytes. Hadoop's uber mode does the same inside a job's own
 * ApplicationMaster; the launcher already is one.
 *
 * <p>Off unless {@value #INLINE} is true (a job property for every launcher of the run, or an action's
 * configuration), and only inside a launcher ({@value #IN_LAUNCHER}, set by the engine in action.xml). "Small" is
 * Hadoop's own uber test with the launcher as the ApplicationMaster: at most {@code mapreduce.job.ubertask.maxmaps}
 * maps (9), {@code maxreduces} reduces (1), {@code maxbytes} of input (a block), and map and reduce memory within
 * the launcher's container. Every other job goes to YARN as before. Registered as a {@link ClientProtocolProvider}:
 * the container's class path puts this engine's jar before Hadoop's, so it is asked before YARN's provider.
 */
public final class InLauncherJobProvider extends ClientProtocolProvider {
  /** True: small jobs an action submits from its launcher run inside the launcher's container. */
  public static final String INLINE = "hk.workflow.launcher.inline-small-jobs";
  /** Set by the engine in the action.xml of a launched action: this JVM runs in a launcher container. */
  public static final String IN_LAUNCHER = "hk.workflow.launcher.container";

  @Override
  public ClientProtocol create(Configuration conf) throws IOException {
    if (!MRConfig.YARN_FRAMEWORK_NAME.equals(conf.get(MRConfig.FRAMEWORK_NAME))
        || !conf.getBoolean(IN_LAUNCHER, false) || !conf.getBoolean(INLINE, false)) {
      return null;
    }
    JobSize size = JobSize.of(conf);
    String refusal = size.refusal(conf);
    if (refusal != null) {
      System.err.println("launcher: the job goes to YARN as its own application: " + refusal);
      return null;
    }
    int threads = Math.max(1, Math.min(size.maps(), Runtime.getRuntime().availableProcessors()));
    conf.setInt(LocalJobRunner.LOCAL_MAX_MAPS, threads);
    // the maps share this JVM's heap: their sort buffers together take at most half of it
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    int sortMb = conf.getInt(MRJobConfig.IO_SORT_MB, MRJobConfig.DEFAULT_IO_SORT_MB);
    conf.setInt(MRJobConfig.IO_SORT_MB, (int) Math.max(16, Math.min(sortMb, heapMb / (2L * threads))));
    // the container's own directory: YARN deletes it with the container
    File work = new File("inline-job").getAbsoluteFile();
    conf.set(MRConfig.LOCAL_DIR, new File(work, "local").getPath());
    conf.set("mapreduce.jobtracker.staging.root.dir", new File(work, "staging").toURI().toString());
    // The tasks run in this JVM, whose class path already holds the job's jar and its libjars: copying them to the
    // staging directory and again into the local job cache would only cost time (tens of MB for a sqoop driver).
    conf.unset(MRJobConfig.JAR);
    conf.unset("tmpjars");
    System.err.println("launcher: the job runs inside this launcher's container (" + INLINE + "=true; "
        + size.describe() + ", " + threads + " map thread(s))");
    return new LocalJobRunner(conf);
  }

  @Override
  public ClientProtocol create(InetSocketAddress address, Configuration conf) throws IOException {
    return create(conf);
  }

  @Override
  public void close(ClientProtocol clientProtocol) {
    // LocalJobRunner holds nothing to release
  }

  /** Whether the action's jobs may run inside its launcher: its configuration, else the job property. */
  public static boolean enabled(Configuration actionConf, java.util.Map<String, String> workflowConf) {
    String value = actionConf.get(INLINE);
    return Boolean.parseBoolean(value != null ? value.trim() : workflowConf.getOrDefault(INLINE, "false").trim());
  }

  /**
   * The -Xmx of a map-reduce or sqoop driver in a launcher: small when its jobs go to YARN, a task's heap more when
   * they may run inside it.
   */
  public static String driverHeap(Configuration actionConf, java.util.Map<String, String> workflowConf) {
    return "-Xmx" + (enabled(actionConf, workflowConf) ? taskHeapMb(actionConf) + DRIVER_HEAP_MB : DRIVER_HEAP_MB)
        + "m";
  }

  /** What the launcher container needs on top of its own memory when its jobs may run inside it: one task. */
  public static int extraContainerMb(Configuration actionConf, java.util.Map<String, String> workflowConf) {
    return enabled(actionConf, workflowConf)
        ? actionConf.getInt(MRJobConfig.MAP_MEMORY_MB, MRJobConfig.DEFAULT_MAP_MEMORY_MB) : 0;
  }

  private static final int DRIVER_HEAP_MB = 128;
  private static final java.util.regex.Pattern XMX = java.util.regex.Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

  /** A map or reduce task's heap as YARN would give it: -Xmx of its java opts, else 80 % of its container. */
  static int taskHeapMb(Configuration conf) {
    int heap = 0;
    for (String kind : new String[] {"map", "reduce"}) {
      String opts = conf.get("mapreduce." + kind + ".java.opts", "");
      java.util.regex.Matcher m = XMX.matcher(opts);
      int mb = -1;
      while (m.find()) {
        long value = Long.parseLong(m.group(1));
        mb = (int) switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
          case "g" -> value << 10;
          case "k" -> value >> 10;
          case "m" -> value;
          default -> value >> 20;
        };
      }
      if (mb < 0) {
        int memory = conf.getInt("mapreduce." + kind + ".memory.mb", MRJobConfig.DEFAULT_MAP_MEMORY_MB);
        mb = (int) (memory * conf.getFloat(MRJobConfig.HEAP_MEMORY_MB_RATIO, 0.8f));
      }
      heap = Math.max(heap, mb);
    }
    return heap;
  }

  /** The job's size as Hadoop's uber decision sees it, estimated from its input files before splits exist. */
  record JobSize(int maps, int reduces, long inputBytes) {
    static JobSize of(Configuration conf) throws IOException {
      List<Path> inputs = inputPaths(conf);
      int reduces = conf.getInt(MRJobConfig.NUM_REDUCES, 1);
      if (inputs.isEmpty()) {
        // not a file input (a database import): the job names its map count
        return new JobSize(conf.getInt(MRJobConfig.NUM_MAPS, 1), reduces, 0);
      }
      int maps = 0;
      long bytes = 0;
      for (Path input : inputs) {
        FileSystem fs = input.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(input);
        if (matches == null) {
          continue; // FileInputFormat reports the missing input when the job plans its splits
        }
        for (FileStatus match : matches) {
          FileStatus[] files = match.isDirectory() ? fs.listStatus(match.getPath(), Formats.DATA_FILES)
              : new FileStatus[] {match};
          for (FileStatus file : files) {
            if (file.isFile()) {
              bytes += file.getLen();
              maps += (int) Math.max(1, (file.getLen() + file.getBlockSize() - 1) / Math.max(1, file.getBlockSize()));
            }
          }
        }
      }
      return new JobSize(Math.max(1, maps), reduces, bytes);
    }

    /** Null when the job fits; else why not, in Hadoop's terms. */
    String refusal(Configuration conf) {
      int maxMaps = conf.getInt(MRJobConfig.JOB_UBERTASK_MAXMAPS, 9);
      int maxReduces = conf.getInt(MRJobConfig.JOB_UBERTASK_MAXREDUCES, 1);
      long maxBytes = conf.getLong(MRJobConfig.JOB_UBERTASK_MAXBYTES, conf.getLongBytes("dfs.blocksize", 128L << 20));
      long heapMb = Runtime.getRuntime().maxMemory() >> 20;
      int taskHeapMb = taskHeapMb(conf);
      if (maps > maxMaps) {
        return "about " + maps + " maps, more than " + MRJobConfig.JOB_UBERTASK_MAXMAPS + "=" + maxMaps;
      }
      if (reduces > maxReduces) {
        return reduces + " reduces, more than " + MRJobConfig.JOB_UBERTASK_MAXREDUCES + "=" + maxReduces;
      }
      if (inputBytes > maxBytes) {
        return inputBytes + " bytes of input, more than " + MRJobConfig.JOB_UBERTASK_MAXBYTES + "=" + maxBytes;
      }
      if (heapMb < taskHeapMb) {
        return "a task's heap (" + taskHeapMb + " MB) is more than this launcher's driver has (" + heapMb
            + " MB; a java action's -Xmx in <java-opts>)";
      }
      return null;
    }

    String describe() {
      return "about " + maps + " map(s), " + reduces + " reduce(s), " + inputBytes + " bytes of input";
    }

    private static List<Path> inputPaths(Configuration conf) {
      List<Path> paths = new ArrayList<>();
      String dirs = conf.get(FileInputFormat.INPUT_DIR, "");
      for (String dir : StringUtils.split(dirs)) {
        if (!dir.isBlank()) {
          paths.add(new Path(StringUtils.unEscapeString(dir)));
        }
      }
      // MultipleInputs: path;format[;mapper] entries
      for (String entry : conf.getTrimmedStrings("mapreduce.input.multipleinputs.dir.formats")) {
        int split = entry.indexOf(';');
        if (split > 0) {
          paths.add(new Path(entry.substring(0, split)));
        }
      }
      return paths;
    }
  }
}
