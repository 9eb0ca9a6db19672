package dev.hadoopkit.workflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as users run it — {@code bin/workflow serve} in its own process, {@code bin/oozie} to submit — killed
 * with SIGKILL in the middle of a catch-up and started again: every nominal time ends with exactly one workflow run.
 * Also: a second daemon on the same state waits as a standby and takes over within 5 s of the first one dying, and a
 * data-triggered action starts within seconds of its {@code _SUCCESS}.
 */
class SchedulerDaemonIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> daemons = new ArrayList<>();

  @TempDir
  Path root;

  @AfterEach
  void stopDaemons() throws Exception {
    for (Process daemon : daemons) {
      daemon.destroyForcibly();
      daemon.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private Process serve(Path state, int port, String logName) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(REPO.resolve("bin/workflow").toString(), "serve", "--port",
        Integer.toString(port), "--state", state.toString(), "--pool", "4")
        .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(root.resolve(logName).toFile());
    builder.environment().put("HK_CDS", "off");
    Process process = builder.start();
    daemons.add(process);
    return process;
  }

  private String oozie(String url, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(REPO.resolve("bin/oozie").toString()));
    command.addAll(List.of(args));
    command.add("-oozie");
    command.add(url);
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
    builder.environment().put("HK_CDS", "off");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("bin/oozie " + String.join(" ", args) + " did not finish in 60 s");
    }
    assertEquals(0, process.exitValue(), "bin/oozie " + String.join(" ", args) + ":\n" + output);
    return output;
  }

  private JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/oozie" + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private boolean answers(int port) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oozie/v2/admin/status"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + limit.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private Path workflowApp(String body) throws IOException {
    Path app = Files.createDirectories(root.resolve("apps/wf"));
    Files.writeString(app.resolve("workflow.xml"), """
        <workflow-app xmlns="uri:oozie:workflow:0.5" name="tick">
          <start to="work"/>
          %s
          <kill name="fail"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>
          <end name="end"/>
        </workflow-app>
        """.formatted(body));
    return app;
  }

  private Path coordinatorProperties(String name, String coordinatorXml, String... extra) throws IOException {
    Path app = Files.createDirectories(root.resolve("apps").resolve(name));
    Files.writeString(app.resolve("coordinator.xml"), coordinatorXml);
    StringBuilder props = new StringBuilder("oozie.coord.application.path=" + app + "\n");
    props.append("appPath=").append(root.resolve("apps/wf")).append('\n');
    props.append("out=").append(root.resolve("out")).append('\n');
    for (String line : extra) {
      props.append(line).append('\n');
    }
    Path file = root.resolve(name + ".properties");
    Files.writeString(file, props.toString());
    return file;
  }

  private static String id(String submitOutput) {
    for (String line : submitOutput.split("\n")) {
      if (line.startsWith("job: ")) {
        return line.substring(5).trim();
      }
    }
    throw new AssertionError("no 'job: <id>' in " + submitOutput);
  }

  private static long count(JsonNode coordinator, String status) {
    long n = 0;
    for (JsonNode action : coordinator.path("actions")) {
      if (status.equals(action.path("status").asText())) {
        n++;
      }
    }
    return n;
  }

  @Test
  void sigkillMidCatchUpLosesAndDuplicatesNothingAndAStandbyTakesOver() throws Exception {
    Path state = root.resolve("state");
    int port = freePort();
    String url = "http://127.0.0.1:" + port + "/oozie";
    // each run sleeps a little and appends its nominal time, so duplicates would show as repeated lines
    workflowApp("""
        <action name="work">
          <shell xmlns="uri:oozie:shell-action:0.3">
            <exec>bash</exec><argument>-c</argument>
            <argument>sleep 0.4; mkdir -p ${out}; echo ${nominal} >> ${out}/runs.txt</argument>
          </shell>
          <ok to="end"/><error to="fail"/>
        </action>""");
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(39));
    Path props = coordinatorProperties("catchup", """
        <coordinator-app name="catchup" frequency="${coord:hours(1)}" start="${start}" end="${end}" timezone="UTC"
            xmlns="uri:oozie:coordinator:0.4">
          <controls><concurrency>3</concurrency><throttle>6</throttle></controls>
          <action><workflow><app-path>${appPath}</app-path>
            <configuration>
              <property><name>out</name><value>${out}</value></property>
              <property><name>nominal</name><value>${coord:nominalTime()}</value></property>
            </configuration>
          </workflow></action>
        </coordinator-app>""", "start=" + start.toString().replace(":00Z", "Z"),
        "end=" + start.plus(Duration.ofHours(40)).toString().replace(":00Z", "Z"));

    Process first = serve(state, port, "serve-1.log");
    await("the daemon to answer", Duration.ofSeconds(60), () -> answers(port));
    String coordinator = id(oozie(url, "job", "-config", props.toString(), "-run"));
    Process standby = serve(state, port, "serve-2.log");

    await("a third of the catch-up", Duration.ofSeconds(120), () -> {
      try {
        return count(get(port, "/v2/job/" + coordinator + "?show=info&len=100"), "SUCCEEDED") >= 12;
      } catch (Exception e) {
        return false;
      }
    });
    assertTrue(Files.readString(root.resolve("serve-2.log")).contains("standby"),
        Files.readString(root.resolve("serve-2.log")));
    long killed = System.nanoTime();
    first.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    await("the standby to take over", Duration.ofSeconds(30), () -> answers(port));
    double takeover = (System.nanoTime() - killed) / 1e9;
    assertTrue(takeover < 5, "the standby answered " + takeover + " s after the kill");

    await("the whole catch-up", Duration.ofSeconds(180), () -> {
      try {
        return count(get(port, "/v2/job/" + coordinator + "?show=info&len=100"), "SUCCEEDED") == 40;
      } catch (Exception e) {
        return false;
      }
    });
    JsonNode info = get(port, "/v2/job/" + coordinator + "?show=info&len=100");
    Set<String> workflows = new HashSet<>();
    for (JsonNode action : info.path("actions")) {
      workflows.add(action.path("externalId").asText());
    }
    assertEquals(40, workflows.size(), "one workflow per action");
    int runs = 0;
    try (Stream<Path> dirs = Files.list(state)) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        if (dir.getFileName().toString().endsWith("-hk-W") && Files.exists(dir.resolve("journal.jsonl"))) {
          runs++;
          assertTrue(workflows.contains(dir.getFileName().toString()), dir + " is no action's workflow");
        }
      }
    }
    assertEquals(40, runs, "workflow runs in the state dir");
    List<String> lines = Files.readAllLines(root.resolve("out/runs.txt"));
    Set<String> nominal = new HashSet<>(lines);
    assertEquals(40, nominal.size(), "every nominal time ran: " + lines);
    // a workflow killed inside its action may run that action again on resume (the engine's resume); the
    // workflow itself is never started twice
    assertTrue(lines.size() <= 40 + 3, "at most the 3 running actions repeat after the kill: " + lines.size());
    assertTrue(Files.readString(root.resolve("serve-2.log")).contains("taking over"));
    standby.destroy();
    assertTrue(standby.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the daemon");
  }

  @Test
  void aDataTriggeredActionStartsWithinSecondsOfItsDoneFlag() throws Exception {
    Path state = root.resolve("state");
    int port = freePort();
    String url = "http://127.0.0.1:" + port + "/oozie";
    workflowApp("""
        <action name="work">
          <fs><mkdir path="${out}/${day}"/></fs>
          <ok to="end"/><error to="fail"/>
        </action>""");
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Path data = root.resolve("data");
    Path props = coordinatorProperties("daily", """
        <coordinator-app name="daily" frequency="${coord:days(1)}" start="${start}" end="${end}" timezone="UTC"
            xmlns="uri:oozie:coordinator:0.4">
          <datasets>
            <dataset name="dump" frequency="${coord:days(1)}" initial-instance="2020-01-01T00:00Z" timezone="UTC">
              <uri-template>file://${data}/${YEAR}${MONTH}${DAY}</uri-template>
            </dataset>
          </datasets>
          <input-events><data-in name="in" dataset="dump"><instance>${coord:current(0)}</instance></data-in></input-events>
          <action><workflow><app-path>${appPath}</app-path>
            <configuration>
              <property><name>out</name><value>${out}</value></property>
              <property><name>day</name><value>${coord:formatTime(coord:nominalTime(), 'yyyyMMdd')}</value></property>
            </configuration>
          </workflow></action>
        </coordinator-app>""", "start=" + day.toString().replace(":00Z", "Z"),
        "end=" + day.plus(Duration.ofDays(1)).toString().replace(":00Z", "Z"), "data=" + data);
    serve(state, port, "serve.log");
    await("the daemon to answer", Duration.ofSeconds(60), () -> answers(port));
    String coordinator = id(oozie(url, "job", "-config", props.toString(), "-run"));
    await("the action to wait", Duration.ofSeconds(30), () -> {
      try {
        return count(get(port, "/v2/job/" + coordinator + "?show=info"), "WAITING") == 1;
      } catch (Exception e) {
        return false;
      }
    });
    Thread.sleep(6000); // long enough for the input check to back off to its cap
    String info = oozie(url, "job", "-info", coordinator);
    assertTrue(info.contains("why: waiting for 1 input"), info);
    String name = day.toString().substring(0, 10).replace("-", "");
    Files.createDirectories(data.resolve(name));
    long flagged = System.nanoTime();
    Files.writeString(data.resolve(name).resolve("_SUCCESS"), "");
    await("the action to start", Duration.ofSeconds(30), () -> {
      try {
        JsonNode action = get(port, "/v2/job/" + coordinator + "?show=info").path("actions").get(0);
        return !action.path("externalId").isNull() && !action.path("externalId").asText().isEmpty();
      } catch (Exception e) {
        return false;
      }
    });
    double seconds = (System.nanoTime() - flagged) / 1e9;
    assertTrue(seconds < 5, "started " + seconds + " s after _SUCCESS");
    await("the run to succeed", Duration.ofSeconds(30), () -> Files.isDirectory(root.resolve("out").resolve(name)));
  }
}
