package dev.hadoopkit.workflow.action;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The entry point of a java action's child JVM: makes the action configuration ({@code action.xml} in the working
 * directory, first on the classpath) a default resource of every {@code Configuration}, then calls the user's main.
 * The process exit code is the action's result: the main's {@code System.exit(n)}, 0 on a normal return, 1 when the
 * main throws.
 */
public final class JavaActionLauncher {
  private JavaActionLauncher() {
  }

  /**
   * Hadoop's own defaults (mapred-, yarn-, hdfs-default.xml and their -site files) become default resources when
   * JobConf, YarnConfiguration and HdfsConfiguration are first loaded, and a later default resource wins. Registered
   * after action.xml, mapred-default.xml's {@code mapreduce.job.ubertask.enable=false} would undo the action's
   * {@code true}: register them first, so action.xml comes last, as in Oozie, where the action configuration
   * overrides Hadoop's defaults.
   */
  private static void registerHadoopDefaults() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (String holder : HADOOP_DEFAULTS) {
      try {
        Class.forName(holder, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // That part of Hadoop is not on this action's classpath; nothing of it to order.
      }
    }
  }

  private static final List<String> HADOOP_DEFAULTS = List.of("org.apache.hadoop.mapred.JobConf",
      "org.apache.hadoop.yarn.conf.YarnConfiguration", "org.apache.hadoop.hdfs.HdfsConfiguration");

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: JavaActionLauncher <main-class> [args...]");
      System.exit(2);
    }
    registerHadoopDefaults();
    Configuration.addDefaultResource("action.xml");
    Class<?> mainClass;
    try {
      mainClass = Class.forName(args[0], true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      System.err.println("java action: main class " + args[0] + " is not on the classpath (app lib/*.jar"
          + " and the Hadoop client). Put its jar in the app's lib/ directory.");
      System.exit(1);
      return;
    }
    Method main = mainClass.getMethod("main", String[].class);
    if (!Modifier.isStatic(main.getModifiers())) {
      System.err.println("java action: " + args[0] + ".main is not static");
      System.exit(1);
    }
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof dev.hadoopkit.workflow.launcher.InJvmMain.ExitCalled exit) {
        throw exit; // the main's System.exit inside a launcher's JVM: the launcher takes its status
      }
      System.err.println("java action: " + args[0] + " failed: " + e.getCause());
      e.getCause().printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }
}
