package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.assertNode;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 1: a map-reduce action whose mapper and reducer live only in the app's own jar — Oozie's
 * {@code examples/apps/map-reduce} (workflow.xml as shipped, its input and output directories pointed at this test's
 * directory) with a jar of mapper/reducer classes compiled here (the same contract as Oozie's SampleMapper and
 * SampleReducer: identity map of (offset, line), the reducer writes every value). The test classpath does not hold
 * these classes, so they can only come from {@code lib/} or a {@code <file>}.
 */
class MapReduceAppClassesIT {
  @TempDir
  Path root;

  private Path jar;

  private static final String MAPPER = """
      package org.apache.oozie.example;
      import java.io.IOException;
      import org.apache.hadoop.io.LongWritable;
      import org.apache.hadoop.io.Text;
      import org.apache.hadoop.mapred.*;
      public class SampleMapper extends MapReduceBase implements Mapper<LongWritable, Text, LongWritable, Text> {
        public void map(LongWritable key, Text value, OutputCollector<LongWritable, Text> out, Reporter reporter)
            throws IOException {
          out.collect(key, value);
        }
      }
      """;

  private static final String REDUCER = """
      package org.apache.oozie.example;
      import java.io.IOException;
      import java.util.Iterator;
      import org.apache.hadoop.io.LongWritable;
      import org.apache.hadoop.io.Text;
      import org.apache.hadoop.mapred.*;
      public class SampleReducer extends MapReduceBase implements Reducer<LongWritable, Text, LongWritable, Text> {
        public void reduce(LongWritable key, Iterator<Text> values, OutputCollector<LongWritable, Text> out,
            Reporter reporter) throws IOException {
          while (values.hasNext()) {
            out.collect(key, values.next());
          }
        }
      }
      """;

  private static final String FAILING = """
      package org.apache.oozie.example;
      import java.io.IOException;
      import org.apache.hadoop.io.LongWritable;
      import org.apache.hadoop.io.Text;
      import org.apache.hadoop.mapred.*;
      public class FailingMapper extends MapReduceBase implements Mapper<LongWritable, Text, LongWritable, Text> {
        public void map(LongWritable key, Text value, OutputCollector<LongWritable, Text> out, Reporter reporter) {
          throw new IllegalArgumentException("bad record at offset " + key + ": " + value);
        }
      }
      """;

  /** Oozie's examples/src/main/apps/map-reduce/workflow.xml, only the two directories made parameters. */
  private static String workflow(String mapper, String fileElement) {
    return """
        <workflow-app xmlns="uri:oozie:workflow:1.0" name="map-reduce-wf">
            <start to="mr-node"/>
            <action name="mr-node">
                <map-reduce>
                    <resource-manager>${resourceManager}</resource-manager>
                    <name-node>${nameNode}</name-node>
                    <prepare>
                        <delete path="${outputDir}"/>
                    </prepare>
                    <configuration>
                        <property><name>mapred.job.queue.name</name><value>${queueName}</value></property>
                        <property><name>mapred.mapper.class</name><value>MAPPER</value></property>
                        <property>
                            <name>mapred.reducer.class</name><value>org.apache.oozie.example.SampleReducer</value>
                        </property>
                        <property><name>mapred.map.tasks</name><value>1</value></property>
                        <property><name>mapred.input.dir</name><value>${inputDir}</value></property>
                        <property><name>mapred.output.dir</name><value>${outputDir}</value></property>
                    </configuration>
                    FILE
                </map-reduce>
                <ok to="end"/>
                <error to="fail"/>
            </action>
            <kill name="fail">
                <message>Map/Reduce failed, error message[${wf:errorMessage(wf:lastErrorNode())}]</message>
            </kill>
            <end name="end"/>
        </workflow-app>
        """.replace("MAPPER", mapper).replace("FILE", fileElement);
  }

  @BeforeEach
  void buildJar() throws Exception {
    Path src = Files.createDirectories(root.resolve("src/org/apache/oozie/example"));
    Files.writeString(src.resolve("SampleMapper.java"), MAPPER);
    Files.writeString(src.resolve("SampleReducer.java"), REDUCER);
    Files.writeString(src.resolve("FailingMapper.java"), FAILING);
    Path classes = Files.createDirectories(root.resolve("classes"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), "-proc:none"));
    try (Stream<Path> files = Files.list(src)) {
      files.forEach(f -> args.add(f.toString()));
    }
    assertEquals(0, compiler.run(null, null, null, args.toArray(new String[0])), "the example classes compile");
    jar = root.resolve("oozie-examples.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> all = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    Path input = Files.createDirectories(root.resolve("input-data/text"));
    Files.writeString(input.resolve("data.txt"), "To be or not to be\nthat is the question\n");
  }

  private Map<String, String> jobProperties() {
    // the example's job.properties with nameNode/resourceManager changed, plus where its data is here
    return Map.of("nameNode", "file:///", "resourceManager", "local", "queueName", "default",
        "examplesRoot", "examples", "inputDir", root.resolve("input-data/text").toUri().toString(),
        "outputDir", root.resolve("output-data/map-reduce").toUri().toString());
  }

  private Path app(String name, String xml) throws Exception {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.writeString(dir.resolve("workflow.xml"), xml, StandardCharsets.UTF_8);
    return dir;
  }

  private void assertOutput() throws Exception {
    List<String> lines = Files.readAllLines(root.resolve("output-data/map-reduce/part-00000"));
    assertEquals(List.of("0\tTo be or not to be", "19\tthat is the question"), lines);
  }

  @Test
  void mapperAndReducerFromTheAppsLibJar() throws Exception {
    Path app = app("map-reduce", workflow("org.apache.oozie.example.SampleMapper", ""));
    Files.createDirectories(app.resolve("lib"));
    Files.copy(jar, app.resolve("lib/oozie-examples.jar"));
    RunState state = run(engine(root, 2), app, jobProperties());

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertOutput();
  }

  @Test
  void mapperAndReducerFromAFileJar() throws Exception {
    Path app = app("map-reduce-file", workflow("org.apache.oozie.example.SampleMapper",
        "<file>" + jar.toUri() + "#examples.jar</file>"));
    RunState state = run(engine(root, 2), app, jobProperties());

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertOutput();
  }

  @Test
  void aFailingTaskSurfacesItsCauseInTheActionError() throws Exception {
    Path app = app("map-reduce-fail", workflow("org.apache.oozie.example.FailingMapper", ""));
    Files.createDirectories(app.resolve("lib"));
    Files.copy(jar, app.resolve("lib/oozie-examples.jar"));
    RunState state = run(engine(root, 2), app, jobProperties());

    assertEquals(WorkflowStatus.KILLED, state.info().status());
    assertNode(state, "mr-node", NodeStatus.ERROR);
    String message = state.nodeRun("mr-node").errorMessage();
    assertEquals("JA018", state.nodeRun("mr-node").errorCode(), message);
    assertTrue(message.contains("IllegalArgumentException") && message.contains("bad record at offset 0"), message);
  }
}
