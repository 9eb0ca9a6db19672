package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.assertNode;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** java and map-reduce actions through local Hadoop (child JVMs, LocalJobRunner, file://). */
class HadoopActionsIT {
  @TempDir
  Path root;

  private static final String TAIL = "  <kill name=\"fail\"><message>failed at ${wf:lastErrorNode()}:"
      + " ${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n";

  private static String java(String name, String mainClass, List<String> args, String ok, String error) {
    StringBuilder xml = new StringBuilder("  <action name=\"" + name + "\">\n    <java>\n"
        + "      <job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node>\n"
        + "      <configuration><property><name>test.key</name><value>value-of-${wf:name()}</value></property>"
        // A key Hadoop's mapred-default.xml also sets: the action's value must win over the default.
        + "<property><name>mapreduce.job.ubertask.enable</name><value>true</value></property>"
        + "</configuration>\n      <main-class>" + mainClass + "</main-class>\n      <java-opts>-Xmx128m</java-opts>\n");
    for (String arg : args) {
      xml.append("      <arg>").append(arg).append("</arg>\n");
    }
    xml.append("      <capture-output/>\n    </java>\n    <ok to=\"").append(ok).append("\"/><error to=\"")
        .append(error).append("\"/>\n  </action>\n");
    return xml.toString();
  }

  /*
   *  start -> ok(java ExitMain 0) -> exit3(java ExitMain 3) --error--> handled(java RunJar jar ExitMain 0) -> end
   */
  @Test
  void javaActionExitCodesCaptureOutputAndRunJar() throws Exception {
    Path jar = root.resolve("exitmain.jar");
    exitMainJar(jar);
    Path app = app(root, "java", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"javas\">\n"
        + "  <start to=\"ok\"/>\n"
        + java("ok", ExitMain.class.getName(), List.of("0", "two words"), "exit3", "fail")
        + java("exit3", ExitMain.class.getName(), List.of("3"), "fail", "handled")
        + java("handled", "org.apache.hadoop.util.RunJar", List.of(jar.toString(), ExitMain.class.getName(), "0",
            "via-runjar"), "end", "fail")
        + TAIL);
    RunState state = run(engine(root, 2), app, Map.of("jobTracker", "local", "nameNode", "file:///"));

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertNode(state, "ok", NodeStatus.OK);
    assertEquals("0 two words", state.nodeRun("ok").data().get("args"));
    assertEquals("value-of-javas", state.nodeRun("ok").data().get("conf.value"));
    assertEquals("true", state.nodeRun("ok").data().get("conf.uber"),
        "a <configuration> key with a Hadoop default reaches the main's JobConf");
    assertNode(state, "exit3", NodeStatus.ERROR);
    assertEquals("3", state.nodeRun("exit3").errorCode());
    assertTrue(state.nodeRun("exit3").errorMessage().contains("exit code [3]"));
    assertNode(state, "handled", NodeStatus.OK);
    assertEquals("0 via-runjar", state.nodeRun("handled").data().get("args"));
  }

  /*
   *  start -> from-file(java ExitMain, its jar given as <file>) -> end
   *  The action classpath is restricted to Hadoop and the engine's main classes, as bin/workflow sets it: ExitMain is
   *  reachable only through the localized jar.
   */
  @Test
  void aJarGivenAsFileIsOnTheJavaActionClasspath() throws Exception {
    Path jar = root.resolve("exitmain.jar");
    exitMainJar(jar);
    Path app = exitMainApp("filejar", "from-file", "from-a-file-jar", "<file>" + jar.toUri() + "#exit.jar</file>");
    withoutTestClassesOnActionClasspath(() -> {
      RunState state = run(engine(root, 2), app, Map.of("jobTracker", "local", "nameNode", "file:///"));

      assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
      assertEquals("0 from-a-file-jar", state.nodeRun("from-file").data().get("args"));
    });
  }

  /*
   *  start -> from-libpath(java ExitMain, its jar only in an oozie.libpath directory, or only in the system
   *  libpath's java/ directory with oozie.use.system.libpath=true) -> end
   */
  @Test
  void jarsOfOozieLibpathAndTheSystemLibpathAreOnTheActionClasspath() throws Exception {
    Path libDir = Files.createDirectories(root.resolve("shared-libs"));
    Path sharelib = Files.createDirectories(root.resolve("sharelib/lib_20261201000000/java"));
    exitMainJar(libDir.resolve("exitmain.jar"));
    exitMainJar(sharelib.resolve("exitmain.jar"));
    Path app = exitMainApp("libpath", "from-libpath", "from-a-libpath", "");
    withoutTestClassesOnActionClasspath(() -> {
      Map<String, String> local = Map.of("jobTracker", "local", "nameNode", "file:///");
      RunState without = run(engine(root, 2), app, local);
      assertEquals(WorkflowStatus.KILLED, without.info().status(), "the class is nowhere on the classpath: error → fail");
      assertEquals(dev.hadoopkit.workflow.state.NodeStatus.ERROR, without.nodeRun("from-libpath").status());

      Map<String, String> withLibpath = new java.util.HashMap<>(local);
      withLibpath.put("oozie.libpath", libDir.toUri().toString());
      RunState state = run(engine(root, 2), app, withLibpath);
      assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
      assertEquals("0 from-a-libpath", state.nodeRun("from-libpath").data().get("args"));

      WorkflowEngine withSystem = engine(root, 2);
      withSystem.baseConf().set(LibPaths.SYSTEM_LIBPATH, root.resolve("sharelib").toUri().toString());
      Map<String, String> useSystem = new java.util.HashMap<>(local);
      useSystem.put("oozie.use.system.libpath", "true");
      RunState system = run(withSystem, app, useSystem);
      assertEquals(WorkflowStatus.SUCCEEDED, system.info().status(), system.info().statusMessage());

      Map<String, String> missing = new java.util.HashMap<>(local);
      missing.put("oozie.libpath", root.resolve("no-such-dir").toUri().toString());
      var e = org.junit.jupiter.api.Assertions.assertThrows(dev.hadoopkit.workflow.definition.WorkflowException.class,
          () -> run(engine(root, 2), app, missing));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no-such-dir"), e.getMessage());
    });
  }

  /*
   *  start -> wc(map-reduce word count) -> enough(decision on hadoop:counters) --MAP_IN eq 3--> end
   *                                                                   \--default--> fail
   */
  @Test
  void mapReduceWordCountWithCountersDecision() throws Exception {
    Path input = Files.createDirectories(root.resolve("in"));
    List<String> lines = List.of("a b a", "c a b", "d");
    Files.write(input.resolve("part-0"), lines);
    Path output = root.resolve("out");
    Files.createDirectories(output);
    Files.writeString(output.resolve("stale"), "x");
    Path app = app(root, "mr", "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"wc\">\n"
        + "  <start to=\"wc\"/>\n"
        + "  <action name=\"wc\">\n    <map-reduce>\n      <resource-manager>${jobTracker}</resource-manager>\n"
        + "      <name-node>${nameNode}</name-node>\n"
        + "      <prepare><delete path=\"" + output.toUri() + "\"/></prepare>\n"
        + "      <configuration>\n"
        + prop("mapred.mapper.new-api", "true") + prop("mapred.reducer.new-api", "true")
        + prop("mapreduce.job.map.class", WordCountMapper.class.getName())
        + prop("mapreduce.job.reduce.class", WordCountReducer.class.getName())
        + prop("mapreduce.job.output.key.class", "org.apache.hadoop.io.Text")
        + prop("mapreduce.job.output.value.class", "org.apache.hadoop.io.IntWritable")
        + prop("mapreduce.input.fileinputformat.inputdir", input.toUri().toString())
        + prop("mapreduce.output.fileoutputformat.outputdir", output.toUri().toString())
        + "      </configuration>\n    </map-reduce>\n    <ok to=\"enough\"/><error to=\"fail\"/>\n  </action>\n"
        + "  <decision name=\"enough\"><switch>\n"
        + "    <case to=\"end\">${hadoop:counters('wc')[RECORDS][MAP_IN] eq 3 and"
        + " hadoop:counters('wc')[RECORDS][REDUCE_OUT] eq 4}</case>\n"
        + "    <default to=\"fail\"/>\n  </switch></decision>\n" + TAIL);
    RunState state = run(engine(root, 2), app, Map.of("jobTracker", "local", "nameNode", "file:///"));

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertTrue(state.nodeRun("wc").externalId().startsWith("job_local"), state.nodeRun("wc").externalId());
    assertEquals(List.of("end"), state.nodeRun("enough").transitions());
    long words = lines.stream().mapToLong(l -> l.split(" ").length).sum();
    assertEquals(words, state.nodeRun("wc").counters().get("org.apache.hadoop.mapred.Task$Counter")
        .get("MAP_OUTPUT_RECORDS"));

    Map<String, Integer> expected = new TreeMap<>();
    lines.forEach(l -> Stream.of(l.split(" ")).forEach(w -> expected.merge(w, 1, Integer::sum)));
    Map<String, Integer> actual = new TreeMap<>();
    for (String line : Files.readAllLines(output.resolve("part-r-00000"), StandardCharsets.UTF_8)) {
      String[] kv = line.split("\t");
      actual.put(kv[0], Integer.parseInt(kv[1]));
    }
    assertEquals(expected, actual);
  }

  private static String prop(String name, String value) {
    return "        <property><name>" + name + "</name><value>" + value + "</value></property>\n";
  }


  /** A jar holding only {@link ExitMain}: reachable by an action only through what puts the jar on its classpath. */
  private static void exitMainJar(Path jar) throws java.io.IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      String entry = ExitMain.class.getName().replace('.', '/') + ".class";
      out.putNextEntry(new JarEntry(entry));
      try (var in = ExitMain.class.getClassLoader().getResourceAsStream(entry)) {
        in.transferTo(out);
      }
      out.closeEntry();
    }
  }

  /**
   * App {@code appName}: start -> {@code action}(java ExitMain 0 {@code said}, capturing its output; {@code extra}
   * inside {@code <java>}) -> end.
   */
  private Path exitMainApp(String appName, String action, String said, String extra) throws java.io.IOException {
    String node = "  <action name=\"" + action + "\">\n    <java>\n"
        + "      <job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node>\n"
        + "      <main-class>" + ExitMain.class.getName() + "</main-class>\n"
        + "      <arg>0</arg><arg>" + said + "</arg>\n      " + extra + (extra.isEmpty() ? "" : "\n      ")
        + "<capture-output/>\n    </java>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n";
    return app(root, appName, "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"" + appName + "\">\n"
        + "  <start to=\"" + action + "\"/>\n" + node + TAIL);
  }

  /** What a test runs while java actions get this JVM's class path without the test classes. */
  @FunctionalInterface
  private interface ActionClasspathTest {
    void run() throws Exception;
  }

  /**
   * Runs {@code test} with {@code hk.workflow.action.classpath} set to {@link #classpathWithoutTestClasses()}, so
   * ExitMain is found only where the test puts its jar; the property is restored afterwards.
   */
  private static void withoutTestClassesOnActionClasspath(ActionClasspathTest test) throws Exception {
    String previous = System.setProperty("hk.workflow.action.classpath", classpathWithoutTestClasses());
    try {
      test.run();
    } finally {
      if (previous == null) {
        System.clearProperty("hk.workflow.action.classpath");
      } else {
        System.setProperty("hk.workflow.action.classpath", previous);
      }
    }
  }

  /** This JVM's classpath without the test classes, as bin/workflow gives java actions the Hadoop client alone. */
  private static String classpathWithoutTestClasses() {
    return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }
}
