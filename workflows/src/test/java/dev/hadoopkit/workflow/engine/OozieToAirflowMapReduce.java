package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * oozie-to-airflow's {@code examples/mapreduce} (test resources under {@code /oozie-to-airflow/mapreduce/}, see the
 * oozie-examples README): its {@code hdfs/} directory deployed as the app {@code /user/<user>/examples/apps/mapreduce}
 * (its input in {@code input/}), with the {@code lib/wordcount.jar} its workflow names built here — WordCount$Map and
 * WordCount$Reduce compiled from {@code wordcount-src/WordCount.java} (subclasses of Hadoop's own WordCount example
 * classes) and packed with those classes from the real hadoop-mapreduce-examples jar. Neither is on the test
 * classpath: only the app's lib/ and {@code <file>} can provide them.
 */
public final class OozieToAirflowMapReduce {
  public static final String APP = "o2a-mapreduce";
  private static final String RESOURCES = "/oozie-to-airflow/mapreduce/";
  private static final String HADOOP_EXAMPLES = "target/oozie-examples/hadoop-mapreduce-examples-3.4.2.jar";

  private OozieToAirflowMapReduce() {
  }

  public static String resource(String path) throws Exception {
    try (InputStream in = OozieToAirflowMapReduce.class.getResourceAsStream(RESOURCES + path)) {
      assertTrue(in != null, "missing test resource " + RESOURCES + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String appDir() {
    return "/user/" + System.getProperty("user.name") + "/examples/apps/mapreduce/";
  }

  /** The app's files, its input and its lib/wordcount.jar (built into {@code work}) on the file system. */
  public static void deploy(FileSystem fs, Path work) throws Exception {
    for (String file : List.of("workflow.xml", "job-queue-conf.xml", "input/Word_Count_input.txt")) {
      try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(appDir() + file), true)) {
        out.write(resource("hdfs/" + file)
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    Path jar = buildWordCountJar(work);
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()),
        new org.apache.hadoop.fs.Path(appDir() + "lib/wordcount.jar"));
  }

  /** wordcount.jar: WordCount, WordCount$Map, WordCount$Reduce and the Hadoop example classes they extend. */
  static Path buildWordCountJar(Path work) throws Exception {
    Path examples = OozieExamples.copiedArtifact(HADOOP_EXAMPLES);
    Path src = work.resolve("wordcount-src/WordCount.java");
    Path classes = work.resolve("wordcount-classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, resource("wordcount-src/WordCount.java"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertTrue(javac != null, "a JDK (javax.tools) is needed to build wordcount.jar");
    String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator + examples;
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", classpath, "--release", "17",
        src.toString());
    assertEquals(0, rc, "compiling " + src);
    Path jar = work.resolve("wordcount.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        JarFile hadoop = new JarFile(examples.toFile());
        var compiled = Files.list(classes)) {
      for (Path file : compiled.sorted().toList()) {
        out.putNextEntry(new JarEntry(file.getFileName().toString()));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
      for (JarEntry entry : hadoop.stream().filter(e -> e.getName().startsWith("org/apache/hadoop/examples/WordCount"))
          .toList()) {
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream in = hadoop.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  /** job.properties as the user has it, with only the cluster lines (nameNode, resourceManager) changed. */
  public static Map<String, String> jobProperties(String nameNode, String resourceManager) throws Exception {
    Properties properties = new Properties();
    properties.load(new StringReader(resource("job.properties")));
    Map<String, String> out = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
    out.put("nameNode", nameNode);
    out.put("resourceManager", resourceManager);
    return out;
  }

  /** SUCCEEDED, and the outputs below. */
  public static void assertAsOozie(RunState state, FileSystem fs) throws Exception {
    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), APP + ": " + state.info().statusMessage());
    assertOutputs(fs);
  }

  /** In {@code output/}: every word of the input with its count (Hadoop's WordCount, one oracle). */
  public static void assertOutputs(FileSystem fs) throws Exception {
    FileStatus[] parts = fs.globStatus(new org.apache.hadoop.fs.Path(appDir() + "output/part-r-*"));
    assertTrue(parts != null && parts.length > 0, APP + ": no part-r-* files in " + appDir() + "output");
    List<String> lines = new ArrayList<>();
    Arrays.sort(parts);
    for (FileStatus part : parts) {
      lines.addAll(OozieExamples.lines(fs, part.getPath().toString()));
    }
    List<String> expected = OozieExamples.wordCounts(resource("hdfs/input/Word_Count_input.txt"));
    assertEquals(expected.size(), lines.size(), APP + ": one line per distinct word");
    assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(lines), APP + ": every word's count");
  }
}
