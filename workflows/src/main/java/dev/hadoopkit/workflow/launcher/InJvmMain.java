package dev.hadoopkit.workflow.launcher;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.Permission;
import java.util.List;

/**
 * Runs an action's Java main inside the launcher's JVM as its own process would run: its stdout and stderr go to the
 * action's log files, and its {@code System.exit(n)} ends the main with exit code n instead of the JVM (the launcher
 * still has to report the result and unregister). The exit is caught with a SecurityManager, as Oozie's LauncherAM
 * does; it allows everything else.
 */
public final class InJvmMain {
  private InJvmMain() {
  }

  /**
   * System.exit(status) from the main, turned into an exception that unwinds it. A launcher main that calls another
   * main reflectively (JavaActionLauncher) passes it on instead of treating it as the main's failure.
   */
  public static final class ExitCalled extends SecurityException {
    private static final long serialVersionUID = 1L;
    final int status;

    ExitCalled(int status) {
      super("System.exit(" + status + ")");
      this.status = status;
    }
  }

  private static final class ExitTrap extends SecurityManager {
    private volatile boolean armed;

    @Override
    public void checkPermission(Permission perm) {
      // everything is allowed; only exit is trapped
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }

    @Override
    public void checkExit(int status) {
      if (armed) {
        throw new ExitCalled(status);
      }
    }
  }

  /**
   * Installs the exit trap, disarmed until {@link #run}: Java 17 prints its deprecation warning for
   * {@code System.setSecurityManager} on the first call, which should go to the container's stderr (YARN logs),
   * before {@link #redirect}, not into the action's.
   */
  @SuppressWarnings("removal") // Java 17 still has it; Oozie traps a main's exit the same way
  static void installTrap() {
    System.setSecurityManager(TRAP);
  }

  private static final ExitTrap TRAP = new ExitTrap();

  /** The redirected streams stay in place after the main: the launcher's own messages follow in the same files. */
  static PrintStream[] redirect(File stdout, File stderr) throws IOException {
    PrintStream out = new PrintStream(new FileOutputStream(stdout), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(stderr), true, StandardCharsets.UTF_8);
    System.setOut(out);
    System.setErr(err);
    return new PrintStream[] {out, err};
  }

  /** The main's exit code: its System.exit status, 0 when it returns, 1 when it throws (the trace on stderr). */
  static int run(String mainClass, List<String> args) {
    if (System.getSecurityManager() != TRAP) {
      throw new IllegalStateException("installTrap() first");
    }
    TRAP.armed = true;
    try {
      Class<?> type = Class.forName(mainClass, true, Thread.currentThread().getContextClassLoader());
      Method main = type.getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers())) {
        System.err.println("launcher: " + mainClass + ".main is not static");
        return 1;
      }
      main.invoke(null, (Object) args.toArray(new String[0]));
      return 0;
    } catch (ExitCalled e) {
      return e.status;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExitCalled exit) {
        return exit.status;
      }
      System.err.println("launcher: " + mainClass + " failed: " + cause);
      cause.printStackTrace();
      return 1;
    } catch (ClassNotFoundException e) {
      System.err.println("launcher: the main class " + mainClass + " is not on the container's class path");
      return 1;
    } catch (ReflectiveOperationException | LinkageError e) {
      System.err.println("launcher: cannot run " + mainClass + ": " + e);
      return 1;
    } finally {
      TRAP.armed = false; // the launcher's own System.exit follows
    }
  }
}
