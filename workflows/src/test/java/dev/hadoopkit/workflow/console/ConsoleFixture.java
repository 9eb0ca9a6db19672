package dev.hadoopkit.workflow.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.scheduler.MkdirWorkflow;
import dev.hadoopkit.workflow.scheduler.SchedulerDaemon;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The real daemon ({@code bin/workflow serve} in-process: scheduler, engine, REST API and console) on a temp state
 * directory and an ephemeral loopback port, the apps written next to it, and an HTTP client that does not follow
 * redirects (so tests see the 303 of each post).
 */
final class ConsoleFixture implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);

  final Path root;
  final SchedulerDaemon daemon;
  final String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final ByteArrayOutputStream daemonOut = new ByteArrayOutputStream();

  ConsoleFixture(Path root) throws IOException, InterruptedException {
    this.root = root;
    Path state = root.resolve("state");
    Configuration hadoop = new Configuration();
    hadoop.set("fs.defaultFS", "file:///");
    hadoop.set("mapreduce.framework.name", "local");
    EngineSettings engine = new EngineSettings(state, 4, 64 * 1024, false, Clock.systemUTC());
    this.daemon = SchedulerDaemon.start(new SchedulerDaemon.Options(0, "127.0.0.1", state, 4, false), engine, hadoop,
        new PrintStream(daemonOut, true, StandardCharsets.UTF_8));
    this.base = "http://127.0.0.1:" + daemon.port();
  }

  OozieBackend backend() {
    return daemon.backend();
  }

  /** A workflow app: one fs mkdir of {@code ${output}}, named as given (any text: it is escaped in XML here). */
  Path workflowApp(String dir, String appName) throws IOException {
    return MkdirWorkflow.write(root.resolve("apps").resolve(dir), xml(appName));
  }

  /**
   * A coordinator app: hourly actions from {@code start} for {@code hours}, each waiting for
   * {@code <data>/<yyyyMMddHH>/_SUCCESS} when {@code data} is not null, running {@code workflowApp}.
   */
  Path coordinatorApp(String dir, String name, Path workflowApp, boolean data) throws IOException {
    Path app = Files.createDirectories(root.resolve("apps").resolve(dir));
    String datasets = !data ? "" : """
          <datasets>
            <dataset name="dump" frequency="${coord:hours(1)}" initial-instance="2020-01-01T00:00Z" timezone="UTC">
              <uri-template>file://${data}/${YEAR}${MONTH}${DAY}${HOUR}</uri-template>
            </dataset>
          </datasets>
          <input-events><data-in name="in" dataset="dump"><instance>${coord:current(0)}</instance></data-in></input-events>
        """;
    Files.writeString(app.resolve("coordinator.xml"), """
        <coordinator-app name="%s" frequency="${coord:hours(1)}" start="${start}" end="${end}" timezone="UTC"
            xmlns="uri:oozie:coordinator:0.4">
          <controls><concurrency>4</concurrency><throttle>1000</throttle></controls>
          %s
          <action><workflow><app-path>%s</app-path>
            <configuration>
              <property><name>output</name>
                <value>${out}/${coord:formatTime(coord:nominalTime(), 'yyyyMMddHH')}</value></property>
            </configuration>
          </workflow></action>
        </coordinator-app>
        """.formatted(xml(name), datasets, workflowApp), StandardCharsets.UTF_8);
    return app;
  }

  /** job.properties text for a coordinator of {@code hours} hourly actions ending at the last full hour. */
  String coordinatorProperties(Path coordinatorApp, int hours) {
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Instant start = end.minus(Duration.ofHours(hours));
    return "oozie.coord.application.path=" + coordinatorApp + "\n"
        + "start=" + ConsoleText.oozieTime(start) + "\n"
        + "end=" + ConsoleText.oozieTime(end) + "\n"
        + "out=" + root.resolve("out") + "\n"
        + "data=" + root.resolve("data") + "\n"
        + "user.name=tester\n";
  }

  Map<String, String> conf(String properties) {
    Map<String, String> conf = new LinkedHashMap<>();
    for (String line : properties.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        conf.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return conf;
  }

  String submitWorkflow(Path app, String user) {
    return backend().submit(Map.of("oozie.wf.application.path", app.toString(),
        "output", root.resolve("out").resolve("wf-" + System.nanoTime()).toString(), "user.name", user), true);
  }

  Views.CoordJob coordinator(String id) {
    return (Views.CoordJob) backend().info(id, 1, 100_000, Map.of());
  }

  String status(String id) {
    return backend().info(id, 1, 1, Map.of()).status();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A page that must answer 200, parsed. */
  Document page(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + ":\n" + response.body());
    return Jsoup.parse(response.body(), base + path);
  }

  /** A url-encoded form post as a browser on this console's page sends it (with Origin). */
  HttpResponse<String> post(String path, Map<String, List<String>> fields, String origin, String cookie)
      throws IOException, InterruptedException {
    String body = fields.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, List<String>> fields) throws IOException, InterruptedException {
    return post(path, fields, base, null);
  }

  /** A multipart/form-data post (the submit form). */
  HttpResponse<String> postMultipart(String path, Map<String, String> fields) throws IOException,
      InterruptedException {
    String boundary = "----console-test-" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.append("--").append(boundary).append("\r\n");
      if (field.getKey().equals("file")) {
        body.append("Content-Disposition: form-data; name=\"file\"; filename=\"job.properties\"\r\n")
            .append("Content-Type: text/plain\r\n\r\n");
      } else {
        body.append("Content-Disposition: form-data; name=\"").append(field.getKey()).append("\"\r\n\r\n");
      }
      body.append(field.getValue()).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", base)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + limit.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  String daemonOutput() {
    return daemonOut.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    daemon.close();
  }
}
