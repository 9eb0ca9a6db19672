package dev.hadoopkit.workflow.action;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
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

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: JavaActionLauncher <main-class> [args...]");
      System.exit(2);
    }
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
      System.err.println("java action: " + args[0] + " failed: " + e.getCause());
      e.getCause().printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }
}
