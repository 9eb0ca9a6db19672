package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helpers for engine tests: app directories, an engine on a temp state dir, and a clock the test moves. */
final class TestApps {
  private TestApps() {
  }

  /** The end of a test workflow: a kill node "fail" naming the failing node and its message, and "end". */
  static final String TAIL = "  <kill name=\"fail\"><message>failed at ${wf:lastErrorNode()}:"
      + " ${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n";

  /** The start of a test workflow (schema 0.5) named {@code name} that starts at {@code start}. */
  static String head(String name, String start) {
    return "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"" + name + "\">\n  <start to=\"" + start
        + "\"/>\n";
  }

  static Path app(Path root, String name, String workflowXml) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.writeString(dir.resolve("workflow.xml"), workflowXml, StandardCharsets.UTF_8);
    return dir;
  }

  static WorkflowEngine engine(Path root, int pool) {
    return engine(root, pool, Clock.systemUTC());
  }

  static WorkflowEngine engine(Path root, int pool, Clock clock) {
    EngineSettings settings = new EngineSettings(root.resolve("state"), pool, 64 * 1024, true, clock);
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.set("hadoop.tmp.dir", root.resolve("hadoop-tmp").toString());
    return new WorkflowEngine(settings, ActionRegistry.standard(), conf, System.err);
  }

  static RunState run(WorkflowEngine engine, Path app, Map<String, String> properties) throws Exception {
    return run(engine, app, properties, RunListener.NONE);
  }

  static RunState run(WorkflowEngine engine, Path app, Map<String, String> properties, RunListener listener)
      throws Exception {
    Submission submission = engine.prepare(properties, Map.of(), app.toString());
    String id = engine.submit(submission, null, listener);
    return engine.run(id, listener);
  }

  static void assertNode(RunState state, String node, NodeStatus status) {
    assertEquals(status, state.nodeRun(node) == null ? null : state.nodeRun(node).status(),
        "node " + node + " of " + state.info().id() + ": " + (state.nodeRun(node) == null ? "never reached"
            : state.nodeRun(node).errorCode() + " " + state.nodeRun(node).errorMessage()));
  }

  /**
   * A clock that stands still until the test moves it: a test that waits for a retry advances it to the retry's due
   * time itself ({@link #advanceTo}), so retry intervals (minutes in Oozie) pass without sleeping. Thread-safe.
   */
  static final class ManualClock extends Clock {
    private final AtomicLong millis;

    ManualClock(Instant start) {
      this.millis = new AtomicLong(start.toEpochMilli());
    }

    /** Moves the time on to {@code epochMillis}; never back. */
    void advanceTo(long epochMillis) {
      millis.accumulateAndGet(epochMillis, Math::max);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String shell(String name, String command, String ok, String error, boolean capture) {
    return "  <action name=\"" + name + "\">\n    <shell xmlns=\"uri:oozie:shell-action:0.3\">\n"
        + "      <exec>bash</exec><argument>-c</argument><argument>" + xmlEscape(command) + "</argument>\n"
        + (capture ? "      <capture-output/>\n" : "") + "    </shell>\n    <ok to=\"" + ok + "\"/><error to=\""
        + error + "\"/>\n  </action>\n";
  }
}
