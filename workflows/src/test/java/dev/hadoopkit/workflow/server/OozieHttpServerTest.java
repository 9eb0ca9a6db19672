package dev.hadoopkit.workflow.server;

import static dev.hadoopkit.workflow.server.InMemoryOozieBackend.BUNDLE;
import static dev.hadoopkit.workflow.server.InMemoryOozieBackend.COORD;
import static dev.hadoopkit.workflow.server.InMemoryOozieBackend.WF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The REST layer over the in-memory backend, on a real server on an ephemeral loopback port. */
@Timeout(60)
class OozieHttpServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CONF = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><configuration>\n"
      + "<property><name>user.name</name><value>alice</value></property>\n"
      + "<property><name>oozie.wf.application.path</name><value>file:///apps/daily</value></property>\n"
      + "<property><name>hk.name</name><value>n&amp;m</value></property>\n</configuration>";

  InMemoryOozieBackend backend;
  OozieHttpServer server;
  HttpClient http;
  String base;

  @BeforeEach
  void start() throws IOException {
    backend = new InMemoryOozieBackend();
    server = new OozieHttpServer(backend).stopGrace(Duration.ZERO)
        .heartbeat(Duration.ofMillis(200)).start(OozieHttpServer.loopback(0));
    base = "http://127.0.0.1:" + server.port();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return call("GET", path, null);
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        "content type " + r.headers().firstValue("Content-Type"));
    return JSON.readTree(r.body());
  }

  static void assertError(HttpResponse<String> r, int status, String code, String messagePart) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode e = json(r);
    assertEquals(status, e.get("httpStatusCode").asInt());
    assertEquals(code, e.get("errorCode").asText());
    assertTrue(e.get("errorMessage").asText().contains(messagePart), e.toString());
    assertEquals(code, r.headers().firstValue("oozie-error-code").orElse(null));
    assertTrue(r.headers().firstValue("oozie-error-message").orElse("").contains(messagePart),
        r.headers().toString());
    assertFalse(r.body().contains("\tat "), "a stack trace: " + r.body());
  }

  // ------------------------------------------------------------------------------------------- admin

  @Test
  void versionsAndAdmin() throws Exception {
    HttpResponse<String> v = get("/oozie/versions");
    assertEquals(200, v.statusCode());
    assertEquals("[0,1,2]", v.body());
    for (String p : List.of("/oozie/v1/admin/status", "/oozie/v2/admin/status")) {
      assertEquals("NORMAL", json(get(p)).get("systemMode").asText());
    }
    backend.systemMode = "SAFEMODE";
    assertEquals("SAFEMODE", json(get("/oozie/v2/admin/status")).get("systemMode").asText());
    JsonNode b = json(get("/oozie/v2/admin/build-version"));
    assertTrue(b.get("buildVersion").isTextual());
    assertTrue(b.get("buildInfo").isObject(), "the client prints buildInfo");
    assertEquals(200, get("/oozie/v2/admin/available-timezones").statusCode());
    assertError(get("/oozie/v2/admin/os-env"), 404, "E0301", "admin/status");
  }

  @Test
  void optionsAnswers200EverywhereForPseudoAuthenticator() throws Exception {
    for (String p : List.of("/oozie/versions?user.name=alice", "/oozie/v2/job/" + WF + "?show=info&user.name=a",
        "/oozie/v2/jobs?user.name=a")) {
      assertEquals(200, call("OPTIONS", p, null).statusCode(), p);
    }
  }

  // ------------------------------------------------------------------------------------------- submit

  @Test
  void submitRunAndDryrun() throws Exception {
    HttpResponse<String> r = call("POST", "/oozie/v2/jobs?user=alice", CONF, "Content-Type", "application/xml");
    assertEquals(201, r.statusCode(), r.body());
    String id = json(r).get("id").asText();
    assertTrue(id.endsWith("-W"), id);
    assertEquals("PREP", backend.get(id).status());
    assertTrue(backend.calls.contains("submit false {hk.name=n&m, oozie.wf.application.path=file:///apps/daily, "
        + "user.name=alice}"), backend.calls.toString());

    r = call("POST", "/oozie/v1/jobs?action=start", CONF, "Content-Type", "application/xml;charset=UTF-8");
    assertEquals(201, r.statusCode());
    assertEquals("RUNNING", backend.get(json(r).get("id").asText()).status());

    r = call("POST", "/oozie/v2/jobs?action=dryrun", CONF, "Content-Type", "application/xml");
    assertEquals(201, r.statusCode());
    assertEquals("OK", json(r).get("id").asText(), "the client prints OK for a workflow dry run");
    assertEquals("plan: start -> mr-node -> end", json(r).get("lines").get(0).asText());

    String coordConf = CONF.replace("oozie.wf.application.path", "oozie.coord.application.path");
    r = call("POST", "/oozie/v2/jobs?action=dryrun", coordConf, "Content-Type", "application/xml");
    assertTrue(json(r).get("id").asText().contains("action for new instance"));

    assertError(call("POST", "/oozie/v2/jobs?action=explode", CONF, "Content-Type", "application/xml"), 400,
        "E0303", "[action] = [explode]");
    assertError(call("POST", "/oozie/v2/jobs", "<configuration><property>", "Content-Type", "application/xml"),
        400, "E0400", "not a Hadoop configuration XML");
    assertError(call("POST", "/oozie/v2/jobs", "<configuration/>", "Content-Type", "application/xml"), 400,
        "E0405", "application");
    assertError(call("POST", "/oozie/v2/jobs", CONF, "Content-Type", "application/json"), 400, "E0300",
        "content-type");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<configuration><property><name>a</name><value>&x;</value></property></configuration>";
    assertError(call("POST", "/oozie/v2/jobs", xxe, "Content-Type", "application/xml"), 400, "E0400",
        "configuration");
  }

  // ------------------------------------------------------------------------------------------- listings

  @Test
  void listings() throws Exception {
    JsonNode wf = json(get("/oozie/v2/jobs?jobtype=wf&filter=status%3DRUNNING%3Bname%3Ddaily-wf&offset=1&len=50"));
    assertEquals(1, wf.get("total").asInt());
    assertEquals(1, wf.get("offset").asInt());
    assertEquals(50, wf.get("len").asInt());
    assertEquals(WF, wf.get("workflows").get(0).get("id").asText());
    OozieWireContract.workflow(wf.get("workflows").get(0));
    assertTrue(backend.calls.contains("jobs WF {status=[RUNNING], name=[daily-wf]} 1 50"), backend.calls.toString());

    JsonNode coords = json(get("/oozie/v2/jobs?jobtype=coord&offset=0&len=0"));
    assertEquals(COORD, coords.get("coordinatorjobs").get(0).get("coordJobId").asText());
    OozieWireContract.coordinator(coords.get("coordinatorjobs").get(0));
    assertTrue(backend.calls.contains("jobs COORDINATOR {} 1 50"), "defaults offset 1, len 50: " + backend.calls);
    assertEquals(1, json(get("/oozie/v2/jobs?jobtype=coordinator")).get("coordinatorjobs").size());

    JsonNode bundles = json(get("/oozie/v2/jobs?jobtype=bundle"));
    OozieWireContract.bundle(bundles.get("bundlejobs").get(0));

    assertEquals(0, json(get("/oozie/v2/jobs?filter=status%3DKILLED")).get("workflows").size());
    assertError(get("/oozie/v2/jobs?offset=abc"), 400, "E0303", "[offset] = [abc]");
    assertError(get("/oozie/v2/jobs?len=1.5"), 400, "E0303", "[len] = [1.5]");
    assertError(get("/oozie/v2/jobs?jobtype=pig"), 400, "E0303", "[jobtype] = [pig]");
    assertError(get("/oozie/v2/jobs?filter=status"), 400, "E0420", "name=value");
  }

  // ------------------------------------------------------------------------------------------- info

  @Test
  void workflowInfoHasOozieFieldsAndTypes() throws Exception {
    JsonNode o = json(get("/oozie/v2/job/" + WF + "?show=info&offset=0&len=0&timezone=GMT"));
    OozieWireContract.workflow(o);
    assertEquals("daily-wf", o.get("appName").asText());
    assertEquals("Thu, 01 Jan 2026 00:00:00 GMT", o.get("createdTime").asText());
    assertEquals("Thu, 01 Jan 2026 00:00:05 GMT", o.get("lastModTime").asText());
    assertTrue(o.get("endTime").isNull());
    assertEquals(COORD + "@2", o.get("parentId").asText());
    assertEquals(1, o.get("run").asInt());
    assertTrue(o.get("conf").asText().startsWith("<configuration>"), o.get("conf").asText());
    assertTrue(o.get("conf").asText().contains("<name>user.name</name>"));
    assertTrue(o.get("consoleUrl").asText().startsWith("http://127.0.0.1:" + server.port() + "/oozie?job="));
    assertEquals("Workflow id[" + WF + "] status[RUNNING]", o.get("toString").asText());
    assertEquals(2, o.get("actions").size());
    JsonNode mr = o.get("actions").get(1);
    assertEquals(WF + "@mr-node", mr.get("id").asText());
    assertEquals("job_local_0001", mr.get("externalId").asText());
    assertEquals(3, mr.get("userRetryMax").asInt());
    assertTrue(backend.calls.contains("info " + WF + " 1 " + Integer.MAX_VALUE + " {}"), backend.calls.toString());

    JsonNode action = json(get("/oozie/v2/job/" + WF + "@mr-node?show=info"));
    OozieWireContract.check("workflow action", OozieWireContract.WF_ACTION, action);
    assertEquals("RUNNING", json(get("/oozie/v2/job/" + WF + "?show=status")).get("status").asText());
    assertEquals("RUNNING", json(get("/oozie/v2/job/" + WF + "@mr-node?show=status")).get("status").asText());
  }

  @Test
  void coordinatorAndBundleInfo() throws Exception {
    JsonNode c = json(get("/oozie/v2/job/" + COORD + "?show=info&offset=-1&len=-1&order=asc"));
    OozieWireContract.coordinator(c);
    assertEquals(3, c.get("actions").size());
    assertEquals(3, c.get("total").asInt());
    assertEquals("DAY", c.get("timeUnit").asText());
    assertEquals("1", c.get("frequency").asText());
    assertEquals(12, c.get("mat_throttling").asInt());
    assertEquals("Sat, 03 Jan 2026 00:00:00 GMT", c.get("actions").get(2).get("nominalTime").asText());
    assertEquals("file:///data/2026/01/03/_SUCCESS#file:///data/2026/01/04/_SUCCESS",
        c.get("actions").get(2).get("missingDependencies").asText());
    assertEquals("missing input file:///data/2026/01/03/_SUCCESS",
        c.get("actions").get(2).get("waitReason").asText());
    assertTrue(c.get("actions").get(1).get("sla").get("endMiss").asBoolean());
    assertTrue(backend.calls.contains("info " + COORD + " 1 1000 {}"), backend.calls.toString());

    JsonNode filtered = json(get("/oozie/v2/job/" + COORD + "?show=info&filter=status%3DWAITING&offset=1&len=5"));
    assertEquals(1, filtered.get("actions").size());
    assertEquals(COORD + "@3", filtered.get("actions").get(0).get("id").asText());

    JsonNode desc = json(get("/oozie/v2/job/" + COORD + "?show=info&order=desc&len=2"));
    assertEquals(COORD + "@3", desc.get("actions").get(0).get("id").asText());
    assertEquals(2, desc.get("actions").size());

    JsonNode a = json(get("/oozie/v2/job/" + COORD + "@3?show=info"));
    OozieWireContract.check("coordinator action", OozieWireContract.COORD_ACTION, a);
    assertEquals(3, a.get("actionNumber").asInt());
    assertEquals("WAITING", a.get("status").asText());

    JsonNode b = json(get("/oozie/v2/job/" + BUNDLE));
    OozieWireContract.bundle(b);
    assertEquals(COORD, b.get("bundleCoordJobs").get(0).get("coordJobId").asText());
    assertError(get("/oozie/v2/job/" + COORD + "?order=sideways"), 400, "E0303", "[order] = [sideways]");
  }

  @Test
  void definitionLogGraph() throws Exception {
    HttpResponse<String> d = get("/oozie/v2/job/" + WF + "?show=definition");
    assertEquals(200, d.statusCode());
    assertTrue(d.headers().firstValue("Content-Type").get().startsWith("application/xml"));
    assertTrue(d.body().startsWith("<workflow-app"));
    HttpResponse<String> l = get("/oozie/v2/job/" + COORD + "?show=log");
    assertTrue(l.headers().firstValue("Content-Type").get().startsWith("text/plain"));
    assertTrue(l.body().contains("running"));
    HttpResponse<String> g = get("/oozie/v2/job/" + WF + "?show=graph");
    assertTrue(g.headers().firstValue("Content-Type").get().startsWith("image/svg+xml"));
    assertTrue(g.body().startsWith("<svg"));
    assertError(get("/oozie/v2/job/" + WF + "?show=graph&format=png"), 400, "E0303", "[format] = [png]");
    assertError(get("/oozie/v2/job/" + WF + "?show=everything"), 400, "E0303", "[show] = [everything]");
    // -log <coord> -action 2 / -date: the logs of the chosen actions' workflows
    HttpResponse<String> one = get("/oozie/v2/job/" + COORD + "?show=log&type=action&scope=2");
    assertEquals(200, one.statusCode(), one.body());
    assertEquals(get("/oozie/v2/job/" + WF + "?show=log").body(), one.body());
    HttpResponse<String> byDate = get("/oozie/v2/job/" + COORD + "?show=log&type=date"
        + "&scope=2026-01-02T00:00Z::2026-01-02T00:00Z");
    assertEquals(one.body(), byDate.body());
    assertError(get("/oozie/v2/job/" + COORD + "?show=log&type=action&scope=7"), 400, "E1025", "no action of");
    assertError(get("/oozie/v2/job/" + WF + "?show=log&type=action&scope=1"), 400, "E0303", "[type]");
    assertError(get("/oozie/v2/job/" + COORD + "?show=log&logfilter=limit=3"), 400, "E0303", "[logfilter]");
  }

  // ------------------------------------------------------------------------------------------- controls

  @Test
  void controls() throws Exception {
    assertEquals(200, call("PUT", "/oozie/v2/job/" + WF + "?action=suspend", null).statusCode());
    assertEquals("SUSPENDED", backend.get(WF).status());
    HttpResponse<String> again = call("PUT", "/oozie/v2/job/" + WF + "?action=suspend", null);
    assertError(again, 409, "E1100", "only a RUNNING job can be suspended");
    assertEquals(200, call("PUT", "/oozie/v2/job/" + WF + "?action=resume", null).statusCode());
    assertEquals("RUNNING", backend.get(WF).status());

    assertEquals(200, call("PUT", "/oozie/v2/job/" + COORD
        + "?action=change&value=endtime%3D2026-02-01T00%3A00Z%3Bconcurrency%3D3", null).statusCode());
    assertTrue(backend.calls.contains("change " + COORD + " {endtime=2026-02-01T00:00Z, concurrency=3}"),
        backend.calls.toString());
    assertError(call("PUT", "/oozie/v2/job/" + COORD + "?action=change", null), 400, "E0305", "[value]");
    assertError(call("PUT", "/oozie/v2/job/" + COORD + "?action=change&value=colour%3Dred", null), 400, "E1015",
        "colour");

    HttpResponse<String> rerun = call("PUT", "/oozie/v2/job/" + COORD
        + "?action=coord-rerun&type=action&scope=1&refresh=false&nocleanup=true&failed=false", "<configuration/>",
        "Content-Type", "application/xml");
    assertEquals(200, rerun.statusCode(), rerun.body());
    JsonNode actions = json(rerun).get("actions");
    assertEquals(1, actions.size());
    assertEquals(COORD + "@1", actions.get(0).get("id").asText());
    OozieWireContract.check("rerun action", OozieWireContract.COORD_ACTION, actions.get(0));
    assertTrue(backend.calls.contains("coordRerun " + COORD + " ActionSelection[type=action, scope=1] false true "
        + "false"), backend.calls.toString());
    assertError(call("PUT", "/oozie/v2/job/" + COORD + "?action=coord-rerun&type=action&scope=1&refresh=maybe",
        null), 400, "E0303", "[refresh] = [maybe]");
    assertError(call("PUT", "/oozie/v2/job/" + COORD + "?action=coord-rerun&type=week&scope=1", null), 400,
        "E0303", "[type] = [week]");

    JsonNode ignored = json(call("PUT", "/oozie/v2/job/" + COORD + "?action=ignore&type=action&scope=3", null));
    assertEquals("IGNORED", ignored.get("actions").get(0).get("status").asText());

    JsonNode killed = json(call("PUT", "/oozie/v2/job/" + COORD + "?action=kill&type=action&scope=2-3", null));
    assertEquals(2, killed.get("actions").size());
    assertEquals("RUNNING", backend.get(COORD).status(), "a ranged kill leaves the coordinator running");

    HttpResponse<String> wfRerun = call("PUT", "/oozie/v2/job/" + WF + "?action=rerun&user=alice",
        "<configuration><property><name>oozie.wf.rerun.failnodes</name><value>true</value></property>"
            + "</configuration>", "Content-Type", "application/xml");
    assertEquals(200, wfRerun.statusCode(), wfRerun.body());
    assertTrue(backend.calls.contains("rerunWorkflow " + WF + " {oozie.wf.rerun.failnodes=true}"));
    assertError(call("PUT", "/oozie/v2/job/" + COORD + "?action=rerun", "<configuration/>"), 400, "E0303",
        "coord-rerun");

    assertEquals(200, call("PUT", "/oozie/v2/job/" + WF + "?action=kill", null).statusCode());
    assertEquals("KILLED", backend.get(WF).status());
    assertError(call("PUT", "/oozie/v2/job/" + WF + "?action=kill", null), 409, "E0725", "can not be killed");
    assertError(call("PUT", "/oozie/v2/job/" + WF + "?action=start", null), 409, "E0801", "could not be started");
    assertError(call("PUT", "/oozie/v2/job/" + WF + "?action=explode", null), 400, "E0303", "[action] = [explode]");
    assertError(call("PUT", "/oozie/v2/job/" + WF, null), 400, "E0305", "[action]");

    assertEquals(200, call("PUT", "/oozie/v2/job/" + BUNDLE + "?action=bundle-rerun&coord-scope=daily"
        + "&refresh=false&nocleanup=false", null).statusCode());
    assertTrue(backend.calls.contains("coordRerun " + BUNDLE + " ActionSelection[type=coord, scope=daily] false "
        + "false false"), backend.calls.toString());
  }

  @Test
  void bulkKill() throws Exception {
    HttpResponse<String> r = call("PUT", "/oozie/v2/jobs?action=kill&jobtype=wf&filter=name%3Ddaily-wf&offset=1"
        + "&len=10", null);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("KILLED", json(r).get("workflows").get(0).get("status").asText());
    assertError(call("PUT", "/oozie/v2/jobs?action=kill&jobtype=wf", null), 400, "E0305", "[filter]");
  }

  // ------------------------------------------------------------------------------------------- errors

  @Test
  void errors() throws Exception {
    assertError(get("/oozie/v2/job/0000099-260101000000000-hk-W"), 404, "E0604", "0000099-260101000000000-hk-W");
    assertError(get("/oozie/v2/job/not-a-job"), 404, "E0604", "not-a-job");
    assertError(get("/oozie/v2/job/" + COORD + "@99"), 404, "E0604", COORD + "@99");
    assertError(get("/oozie/v2/nothing"), 404, "E0301", "/oozie/v2/nothing");
    assertError(get("/oozie/v3/jobs"), 404, "E0301", "/oozie/v3/jobs");
    assertError(get("/elsewhere"), 404, "E0301", "/elsewhere");
    assertError(get("/oozie/v2/job/"), 404, "E0301", "job id");
    HttpResponse<String> m = call("DELETE", "/oozie/v2/job/" + WF, null);
    assertError(m, 405, "E0301", "DELETE");
    assertEquals("GET, PUT, OPTIONS", m.headers().firstValue("Allow").orElse(null));
    assertError(call("POST", "/oozie/versions", ""), 405, "E0301", "POST");

    backend.failNext = new IllegalStateException("secret internal detail\n\tat Foo.bar(Foo.java:1)");
    HttpResponse<String> boom = get("/oozie/v2/job/" + WF);
    assertError(boom, 500, "E0307", "incident");
    assertFalse(boom.body().contains("secret internal detail"), boom.body());

    backend.failNext = new dev.hadoopkit.workflow.server.api.BadRequestException("E0701", "XML schema error, "
        + "line 1\nsecond line é");
    HttpResponse<String> bad = get("/oozie/v2/job/" + WF);
    assertEquals(400, bad.statusCode());
    assertEquals("E0701", bad.headers().firstValue("oozie-error-code").get());
    assertEquals("XML schema error, line 1 second line ?", bad.headers().firstValue("oozie-error-message").get());
    assertEquals("XML schema error, line 1\nsecond line é", json(bad).get("errorMessage").asText());
  }

  @Test
  void escapesNamesWithQuotesAndScript() throws Exception {
    String name = "x\"</script><script>alert('1')</script>&";
    backend.put(new Views.WorkflowJob("0000050-260101000000000-hk-W", name, "file:///a", "bob", null, "PREP",
        null, Map.of("k<", "v\"&<>"), Instant.EPOCH, null, null, null, 0, List.of()));
    HttpResponse<String> r = get("/oozie/v2/job/0000050-260101000000000-hk-W");
    assertFalse(r.body().contains("<script>"), r.body());
    assertFalse(r.body().contains("</script>"), r.body());
    assertTrue(r.body().contains("\\u003C") || r.body().contains("\\u003c"), r.body());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    JsonNode o = json(r);
    assertEquals(name, o.get("appName").asText());
    assertTrue(o.get("conf").asText().contains("<name>k&lt;</name>"), o.get("conf").asText());
    assertTrue(o.get("conf").asText().contains("<value>v&quot;&amp;&lt;&gt;</value>"));
    assertEquals(Map.of("k<", "v\"&<>"), HadoopConfXml.parse(o.get("conf").asText().getBytes(StandardCharsets.UTF_8)));
    assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", o.get("createdTime").asText());
  }

  // ------------------------------------------------------------------------------------------- metrics, events

  @Test
  void prometheusMetrics() throws Exception {
    HttpResponse<String> r = get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").get().startsWith("text/plain; version=0.0.4"));
    String t = r.body();
    for (String line : List.of("# TYPE hk_scheduler_due gauge", "hk_scheduler_due 2", "hk_scheduler_waiting 5",
        "hk_scheduler_running 1", "hk_scheduler_workflows_running 3", "# TYPE hk_scheduler_materialized_total counter",
        "hk_scheduler_materialized_total 42", "hk_scheduler_started_total 17",
        "# TYPE hk_scheduler_dispatch_latency_seconds histogram",
        "hk_scheduler_dispatch_latency_seconds_bucket{le=\"0.1\"} 4",
        "hk_scheduler_dispatch_latency_seconds_bucket{le=\"1.0\"} 6",
        "hk_scheduler_dispatch_latency_seconds_bucket{le=\"10.0\"} 7",
        "hk_scheduler_dispatch_latency_seconds_bucket{le=\"+Inf\"} 8",
        "hk_scheduler_dispatch_latency_seconds_sum 2.5005", "hk_scheduler_dispatch_latency_seconds_count 8")) {
      assertTrue(t.lines().anyMatch(line::equals), "missing line '" + line + "' in\n" + t);
    }
    for (String line : t.lines().toList()) {
      assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
          || line.matches("[a-z_]+(\\{le=\"[^\"]+\"\\})? [-+0-9.eEInfNa]+"), "not exposition format: " + line);
    }
    assertError(call("POST", "/metrics", ""), 405, "E0301", "POST");
  }

  @Test
  void serverSentEvents() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/oozie/v2/events")).GET().build();
    HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").get().startsWith("text/event-stream"));
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
    BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> {
      try {
        for (String l; (l = in.readLine()) != null; ) {
          lines.add(l);
        }
        lines.add("<EOF>");
      } catch (IOException e) {
        lines.add("<EOF>");
      }
    });
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (backend.subscribers() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(1, backend.subscribers());
    backend.publish(new Views.Event(COORD + "@3", COORD, "coord-action", "READY",
        Instant.parse("2026-01-03T00:00:00Z"), "inputs \"present\" <ok>\nnext line"));
    String data = next(lines, l -> l.startsWith("data: "));
    JsonNode e = JSON.readTree(data.substring(6));
    assertEquals(COORD + "@3", e.get("id").asText());
    assertEquals("READY", e.get("status").asText());
    assertEquals("Sat, 03 Jan 2026 00:00:00 GMT", e.get("time").asText());
    assertEquals("inputs \"present\" <ok>\nnext line", e.get("message").asText());
    assertNotNull(next(lines, l -> l.startsWith(": heartbeat")), "a heartbeat comment");
    assertEquals(1, server.openEventStreams());
    server.close();
    assertNotNull(next(lines, "<EOF>"::equals), "the stream ends when the server stops");
    assertEquals(0, backend.subscribers());
  }

  @Test
  void eventStreamEndsWhenTheClientGoesAway() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.getOutputStream().write(("GET /oozie/v2/events HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      byte[] buf = new byte[200];
      assertTrue(s.getInputStream().read(buf) > 0);
      assertTrue(new String(buf, StandardCharsets.UTF_8).startsWith("HTTP/1.1 200"));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while ((server.openEventStreams() > 0 || backend.subscribers() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, server.openEventStreams(), "the heartbeat notices the closed connection");
    assertEquals(0, backend.subscribers());
  }

  static String next(BlockingQueue<String> lines, java.util.function.Predicate<String> p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String l = lines.poll(100, TimeUnit.MILLISECONDS);
      if (l != null && p.test(l)) {
        return l;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------- console hook

  @Test
  void consoleContext() throws Exception {
    server.context("/", ex -> {
      byte[] b = "<html>console</html>".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    assertEquals("<html>console</html>", get("/").body());
    assertEquals("<html>console</html>", get("/jobs.html").body());
    assertEquals("[0,1,2]", get("/oozie/versions").body());
    HttpResponse<String> redirect = get("/oozie?job=" + WF);
    assertEquals(302, redirect.statusCode());
    assertEquals("/?job=" + WF, redirect.headers().firstValue("Location").get());
    assertThrows(IllegalArgumentException.class, () -> server.context("/oozie/v2/x", ex -> { }));
  }

  // ------------------------------------------------------------------------------------------- token

  @Test
  void tokenRules() throws Exception {
    server.close();
    server = new OozieHttpServer(backend).stopGrace(Duration.ZERO)
        .requireToken("s3cret-token").start(OozieHttpServer.loopback(0));
    base = "http://127.0.0.1:" + server.port();
    assertEquals(200, get("/oozie/v2/job/" + WF).statusCode(), "reading needs no token");
    assertEquals(200, call("OPTIONS", "/oozie/v2/job/" + WF, null).statusCode());
    HttpResponse<String> none = call("PUT", "/oozie/v2/job/" + WF + "?action=suspend", null);
    assertError(none, 401, "E0501", "missing token");
    assertEquals("Bearer realm=\"hadoopkit\"", none.headers().firstValue("WWW-Authenticate").orElse(null));
    assertError(call("PUT", "/oozie/v2/job/" + WF + "?action=suspend", null, "Authorization", "Bearer nope"), 401,
        "E0501", "wrong token");
    assertError(call("POST", "/oozie/v2/jobs", CONF, "Content-Type", "application/xml"), 401, "E0501", "token");
    assertEquals("RUNNING", backend.get(WF).status(), "nothing happened without the token");

    assertEquals(200, call("PUT", "/oozie/v2/job/" + WF + "?action=suspend", null,
        "Authorization", "Bearer s3cret-token").statusCode());
    assertEquals(200, call("PUT", "/oozie/v2/job/" + WF + "?action=resume&token=s3cret-token", null).statusCode());
    assertEquals(200, call("PUT", "/oozie/v2/job/" + WF + "?action=suspend", null,
        "Cookie", "other=1; hk_token=s3cret-token").statusCode());
    assertError(call("PUT", "/oozie/v2/job/" + WF + "?action=resume", null, "Cookie", "hk_token=s3cret-token",
        "Origin", "http://evil.example"), 403, "E0501", "evil.example");
    assertEquals(200, call("PUT", "/oozie/v2/job/" + WF + "?action=resume", null, "Cookie", "hk_token=s3cret-token",
        "Origin", "http://127.0.0.1:" + server.port()).statusCode());

    server.context("/console", ex -> {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    assertError(call("POST", "/console", "x"), 401, "E0501", "token");
    assertEquals(204, call("GET", "/console", null).statusCode());
  }

  @Test
  void beyondLoopbackNeedsAToken() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new OozieHttpServer(backend).stopGrace(Duration.ZERO)
        .start(new InetSocketAddress("0.0.0.0", 0)));
    assertTrue(e.getMessage().contains("needs a token"), e.getMessage());
  }
}
