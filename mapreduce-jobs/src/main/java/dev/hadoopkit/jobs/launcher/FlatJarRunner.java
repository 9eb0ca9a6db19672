package dev.hadoopkit.jobs.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.hadoop.util.RunJar;

/**
 * {@code bin/hadoop jar}: Hadoop's {@link RunJar}, except that a flat jar (no {@code lib/*} or {@code classes/} inside,
 * like a shaded job jar) runs in place instead of being unpacked into a temporary directory first. RunJar unpacks
 * every jar so that nested {@code lib/*.jar} can go on the classpath; for a 30 MB shaded jar with nothing nested that
 * costs seconds per command and changes nothing (measured in docs/benchmarks.md). Jars with nested content, and
 * every case RunJar handles specially ({@code HADOOP_CLIENT_SKIP_UNJAR}, {@code HADOOP_USE_CLIENT_CLASSLOADER}), go to
 * RunJar unchanged. A jar the launcher already put on the JVM's classpath (bin/hadoop does so for the project's own
 * job jar, after Hadoop's jars) runs from the system class loader, so the build-time class-sharing archive covers it.
 */
public final class FlatJarRunner {
  private FlatJarRunner() {
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 1 || System.getenv("HADOOP_USE_CLIENT_CLASSLOADER") != null
        || System.getenv("HADOOP_CLIENT_SKIP_UNJAR") != null) {
      RunJar.main(args);
      return;
    }
    File file = new File(args[0]);
    Layout layout = inspect(file);
    if (layout == null || layout.nested()) {
      RunJar.main(args); // not a readable jar (RunJar says so), or nested jars that need unpacking
      return;
    }
    int first = 1;
    String mainClass = layout.mainClass();
    if (mainClass == null) {
      if (args.length < 2) {
        RunJar.main(args); // RunJar prints its usage
        return;
      }
      mainClass = args[1];
      first = 2;
    }
    ClassLoader loader = onClassPath(file) ? ClassLoader.getSystemClassLoader()
        : new URLClassLoader(new URL[] {file.getAbsoluteFile().toURI().toURL()}, FlatJarRunner.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    Class<?> type = Class.forName(mainClass.replace('/', '.'), true, loader);
    Method main = type.getMethod("main", String[].class);
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new IllegalArgumentException(mainClass + ".main is not static");
    }
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, first, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Whether the launcher put the jar on the JVM's classpath (after Hadoop's jars, so parent-first as in RunJar). */
  static boolean onClassPath(File jar) {
    String path = jar.getAbsoluteFile().toPath().normalize().toString();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && new File(entry).getAbsoluteFile().toPath().normalize().toString().equals(path)) {
        return true;
      }
    }
    return false;
  }

  /** What matters of a jar: whether anything is nested, and its manifest main class. Null when unreadable. */
  static Layout inspect(File file) {
    if (!file.isFile()) {
      return null;
    }
    try (JarFile jar = new JarFile(file)) {
      // What RunJar's class loader adds besides the jar: the files directly in lib/ and the classes/ directory.
      // Deeper entries (lib/linux-x86_64/libbrotli.so of a shaded native library) are plain resources.
      boolean nested = jar.stream().map(java.util.zip.ZipEntry::getName)
          .anyMatch(FlatJarRunner::isNested);
      Manifest manifest = jar.getManifest();
      String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
      return new Layout(nested, mainClass);
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code lib/x.jar} or anything under {@code classes/}; plain string tests, as a shaded jar has ~20,000 entries. */
  static boolean isNested(String name) {
    return name.startsWith("classes/") || name.startsWith("lib/") && name.length() > 4 && name.indexOf('/', 4) < 0;
  }

  record Layout(boolean nested, String mainClass) {
  }
}
