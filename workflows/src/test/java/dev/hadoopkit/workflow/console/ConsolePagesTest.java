package dev.hadoopkit.workflow.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.server.OozieHttpServer;
import dev.hadoopkit.workflow.server.api.Views;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages against the real daemon: HTML structure (parsed with jsoup), escaping of every value, the
 * post/redirect/get controls, the submit flow and the paging of a coordinator with hundreds of actions.
 */
class ConsolePagesTest {
  private static final String EVIL = "<script>alert('x')</script>";

  @TempDir
  Path root;
  private ConsoleFixture console;

  @BeforeEach
  void start() throws Exception {
    console = new ConsoleFixture(root);
  }

  @AfterEach
  void stop() throws Exception {
    console.close();
  }

  @Test
  void jobsPageListsWorkflowsNewestFirstWithBadgesAndPages() throws Exception {
    Path app = console.workflowApp("wf", "make-dir");
    String first = console.submitWorkflow(app, "alice");
    String second = console.submitWorkflow(app, "bob");
    String third = console.submitWorkflow(app, "carol");
    ConsoleFixture.await("three runs to succeed", ConsoleFixture.WAIT,
        () -> List.of(first, second, third).stream().allMatch(id -> console.status(id).equals("SUCCEEDED")));

    Document page = console.page("/?type=wf&len=2");
    Elements rows = page.select("table.jobs tbody tr");
    assertEquals(List.of(third, second), rows.eachAttr("data-job"));
    Element badge = rows.get(0).selectFirst(".badge");
    assertEquals("SUCCEEDED", badge.text());
    assertEquals(third, badge.attr("data-status-of"));
    assertTrue(badge.hasClass("st-succeeded"));
    assertEquals("carol", rows.get(0).select("td").get(3).text());
    assertEquals("Jobs 1–2 of 3", page.selectFirst("p.count").text());
    assertEquals("/?type=wf&offset=3&len=2", page.selectFirst("nav.pager a[rel=next]").attr("href"));
    assertEquals(List.of(first), console.page("/?type=wf&offset=3&len=2").select("table.jobs tbody tr")
        .eachAttr("data-job"));
    // the filter form is a plain GET form; a name filter narrows the list
    assertEquals("get", page.selectFirst("form.filters").attr("method"));
    assertEquals(0, console.page("/?type=wf&name=other").select("table.jobs tbody tr").size());
    assertEquals(3, console.page("/?type=wf&name=make-dir&status=SUCCEEDED").select("table.jobs tbody tr").size());
    assertEquals("workflow", page.body().attr("data-watch-kinds"));
    assertNotNull(page.selectFirst("a.tab.active[href=/?type=wf]"));
  }

  @Test
  void everyValueIsEscapedAndNoScriptButTheConsolesRuns() throws Exception {
    Path app = console.workflowApp("evil", EVIL);
    String id = console.submitWorkflow(app, "<img src=x onerror=alert(1)>");
    ConsoleFixture.await("the run to end", ConsoleFixture.WAIT, () -> console.status(id).equals("SUCCEEDED"));

    for (String path : List.of("/?type=wf", "/job/" + id)) {
      HttpResponse<String> response = console.get(path);
      assertEquals(200, response.statusCode());
      assertFalse(response.body().contains(EVIL), path + " carries the raw name");
      assertFalse(response.body().contains("<img src=x"), path + " carries the raw user");
      Document page = org.jsoup.Jsoup.parse(response.body());
      assertEquals(List.of("/static/console.js"), page.select("script").eachAttr("src"), path);
      assertTrue(page.select("img").isEmpty(), path);
      assertTrue(page.text().contains(EVIL), path + " shows the name as text");
      assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }
    assertTrue(console.page("/job/" + id).selectFirst("h1 .name").text().equals(EVIL));
    // an error page echoes the bad id as text too
    HttpResponse<String> missing = console.get("/job/" + Html.url("<img src=x onerror=alert(1)>-W"));
    assertEquals(404, missing.statusCode());
    assertFalse(missing.body().contains("<img src=x"));
    assertTrue(org.jsoup.Jsoup.parse(missing.body()).selectFirst("#error").text().contains("<img src=x"));
  }

  /** A workflow of more than 60 nodes: its page draws the long chain as one box, the REST graph every node. */
  @Test
  void workflowPageCollapsesTheLongChainsOfALargeWorkflow() throws Exception {
    Path app = Files.createDirectories(root.resolve("apps").resolve("long"));
    StringBuilder xml = new StringBuilder("<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"long\">\n"
        + "  <start to=\"step1\"/>\n");
    for (int i = 1; i <= 70; i++) {
      xml.append("  <action name=\"step").append(i).append("\"><fs><mkdir path=\"${output}/").append(i)
          .append("\"/></fs><ok to=\"").append(i == 70 ? "end" : "step" + (i + 1)).append("\"/>")
          .append("<error to=\"fail\"/></action>\n");
    }
    xml.append("  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Files.writeString(app.resolve("workflow.xml"), xml);
    String id = console.submitWorkflow(app, "alice");
    ConsoleFixture.await("the run to end", ConsoleFixture.WAIT, () -> WorkflowPage.ENDED.contains(console.status(id)));

    Document page = console.page("/job/" + id);
    Element chain = page.selectFirst("#dag svg g.node.chain");
    assertNotNull(chain, page.select("#dag").outerHtml());
    assertEquals("step1", chain.attr("data-name"));
    assertTrue(chain.text().contains("70 actions"), chain.text());
    assertTrue(chain.hasClass("ok"), chain.className());
    assertNotNull(page.selectFirst("#dag svg[viewBox]"));
    assertTrue(page.select("#dag-tools").isEmpty(), "zoom buttons come with the script, not without it");
    String rest = console.backend().graph(id);
    assertFalse(rest.contains("node chain"), "the REST drawing has every node");
    assertTrue(rest.contains("data-name=\"step42\""));
  }

  @Test
  void workflowPageShowsTheDagWithNodeStatesTheNodeTableAndARerunForm() throws Exception {
    Path app = console.workflowApp("wf", "make-dir");
    String id = console.submitWorkflow(app, "alice");
    ConsoleFixture.await("the run to end", ConsoleFixture.WAIT, () -> console.status(id).equals("SUCCEEDED"));

    Document page = console.page("/job/" + id);
    assertEquals("SUCCEEDED", page.selectFirst("h1 .badge").text());
    Element make = page.selectFirst("#dag svg g.node[data-name=make]");
    assertNotNull(make, page.select("#dag").outerHtml());
    assertTrue(make.hasClass("action") && make.hasClass("ok"), make.className());
    assertTrue(page.selectFirst("#dag svg g.node[data-name=end]").hasClass("ok"));
    assertTrue(page.selectFirst("#dag svg g.node[data-name=fail]").hasClass("not_reached"));
    Element row = page.selectFirst("table.nodes tr[data-node=make]");
    assertEquals("fs", row.select("td").get(1).text());
    assertEquals("OK", row.selectFirst(".badge").text());
    assertFalse(row.select("td").get(4).text().isEmpty(), "start time");
    // ended: no kill, a rerun form that posts
    assertTrue(page.select("#kill").isEmpty());
    Element rerun = page.selectFirst("#rerun").closest("form");
    assertEquals("post", rerun.attr("method"));
    assertEquals("/job/" + id + "/rerun", rerun.attr("action"));
    assertEquals(List.of(id), List.of(page.body().attr("data-watch").split(" ")));
    assertFalse(page.body().hasAttr("data-poll"), "an ended run does not poll");
  }

  @Test
  void coordinatorPageShowsTheLatestActionsPagedWithWaitReasons() throws Exception {
    Path wf = console.workflowApp("wf", "make-dir");
    Path app = console.coordinatorApp("waiting", "waits-for-data", wf, true);
    String id = console.backend().submit(console.conf(console.coordinatorProperties(app, 250)), true);
    ConsoleFixture.await("250 actions to materialize", ConsoleFixture.WAIT,
        () -> console.coordinator(id).totalActions() == 250);

    long started = System.nanoTime();
    Document page = console.page("/job/" + id);
    long millis = (System.nanoTime() - started) / 1_000_000;
    Elements cells = page.select("#grid a.cell");
    assertEquals(CoordinatorPage.DEFAULT_LEN, cells.size());
    assertEquals("51", cells.get(0).text());
    assertEquals("250", cells.get(cells.size() - 1).text());
    assertEquals(id + "@250", cells.last().attr("data-status-of"));
    assertTrue(cells.last().hasClass("st-waiting"), cells.last().className());
    assertEquals("/job/" + id + "?len=200&offset=1", page.selectFirst("nav.pager a[rel=prev]").attr("href"));
    // the table lists newest first, says what each waiting action waits for
    Element newest = page.selectFirst("table.actions tbody tr");
    assertEquals("250", newest.attr("data-action"));
    assertTrue(newest.selectFirst("ul.missing li").text().startsWith("file://" + root.resolve("data")),
        newest.outerHtml());
    assertEquals(List.of(id), List.of(page.body().attr("data-watch").split(" ")));
    assertTrue(millis < 5000, "the page took " + millis + " ms");

    Document earliest = console.page("/job/" + id + "?offset=1&len=200");
    assertEquals("1", earliest.selectFirst("#grid a.cell").text());
    assertEquals(1, console.page("/job/" + id + "?status=WAITING&len=1").select("#grid a.cell").size());
  }

  @Test
  void controlsPostThenRedirectAndRefuseOtherOrigins() throws Exception {
    Path wf = console.workflowApp("wf", "make-dir");
    Path app = console.coordinatorApp("waiting", "waits", wf, true);
    String id = console.backend().submit(console.conf(console.coordinatorProperties(app, 5)), true);
    ConsoleFixture.await("5 actions", ConsoleFixture.WAIT, () -> console.coordinator(id).totalActions() == 5);

    HttpResponse<String> foreign = console.post("/job/" + id + "/kill",
        Map.of("scope", List.of("actions"), "n", List.of("2")), "http://evil.example", null);
    assertEquals(403, foreign.statusCode());
    assertEquals("WAITING", actionStatus(id, 2));

    HttpResponse<String> empty = console.post("/job/" + id + "/kill", Map.of("scope", List.of("actions")));
    assertEquals(303, empty.statusCode());
    assertEquals("RUNNING", console.status(id), "an empty choice never kills the whole coordinator");

    HttpResponse<String> kill = console.post("/job/" + id + "/kill",
        Map.of("scope", List.of("actions"), "n", List.of("2", "4")));
    assertEquals(303, kill.statusCode());
    assertEquals("/job/" + id, kill.headers().firstValue("Location").orElseThrow());
    assertEquals("KILLED", actionStatus(id, 2));
    assertEquals("KILLED", actionStatus(id, 4));
    assertEquals("WAITING", actionStatus(id, 3));
    String flash = kill.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hk_flash="))
        .findFirst().orElseThrow();
    HttpResponse<String> after = console.http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(console.base + "/job/" + id)).header("Cookie", flash.substring(0, flash.indexOf(';')))
        .build(), HttpResponse.BodyHandlers.ofString());
    Document shown = org.jsoup.Jsoup.parse(after.body());
    assertEquals("Killed actions 2,4 of " + id, shown.selectFirst("#flash").text());
    assertTrue(shown.selectFirst("#grid a.cell[data-action=2]").hasClass("st-killed"));

    HttpResponse<String> change = console.post("/job/" + id + "/change", Map.of("concurrency", List.of("2"),
        "endtime", List.of(ConsoleText.oozieTime(console.coordinator(id).endTime()))));
    assertEquals(303, change.statusCode());
    assertEquals(2, console.coordinator(id).concurrency());

    assertEquals(303, console.post("/job/" + id + "/suspend", Map.of()).statusCode());
    assertEquals("SUSPENDED", console.status(id));
    assertEquals(303, console.post("/job/" + id + "/resume", Map.of()).statusCode());
    assertEquals("RUNNINGWITHERROR", console.status(id), "two actions were killed");
  }

  @Test
  void submitShowsTheDryRunThenRunsExactlyThat() throws Exception {
    Path wf = console.workflowApp("wf", "make-dir");
    Path app = console.coordinatorApp("hourly", "hourly", wf, false);
    String properties = console.coordinatorProperties(app, 2);

    Document form = console.page("/submit");
    assertEquals("multipart/form-data", form.selectFirst("#submit-form").attr("enctype"));

    HttpResponse<String> dry = console.postMultipart("/submit/dryrun", Map.of("path", "", "text", properties,
        "overrides", "user.name=dora"));
    assertEquals(200, dry.statusCode(), dry.body());
    Document dryPage = org.jsoup.Jsoup.parse(dry.body());
    assertFalse(dryPage.selectFirst("#dryrun-output").text().isBlank());
    assertEquals(0, console.backend().jobs(dev.hadoopkit.workflow.server.api.JobType.COORDINATOR, Map.of(), 1, 10)
        .total(), "a dry run stores nothing");
    String pending = dryPage.selectFirst("input[name=pending]").val();

    HttpResponse<String> run = console.post("/submit/run", Map.of("pending", List.of(pending)));
    assertEquals(303, run.statusCode());
    String location = run.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith("/job/") && location.endsWith("-C"), location);
    Views.CoordJob job = console.coordinator(location.substring("/job/".length()));
    assertEquals("dora", job.user());
    HttpResponse<String> twice = console.post("/submit/run", Map.of("pending", List.of(pending)));
    assertEquals("/submit", twice.headers().firstValue("Location").orElseThrow(), "a second click submits nothing");

    // an upload, and a path on the daemon's machine, work too; a broken configuration shows the form again
    Path file = Files.writeString(root.resolve("job.properties"), properties);
    assertEquals(200, console.postMultipart("/submit/dryrun", Map.of("path", file.toString())).statusCode());
    assertEquals(200, console.postMultipart("/submit/dryrun", Map.of("file", properties)).statusCode());
    HttpResponse<String> broken = console.postMultipart("/submit/dryrun", Map.of("text", "nothing=here"));
    assertEquals(400, broken.statusCode());
    assertNotNull(org.jsoup.Jsoup.parse(broken.body()).selectFirst("#submit-error"));
    assertEquals("nothing=here", org.jsoup.Jsoup.parse(broken.body()).selectFirst("#text").text());
  }

  @Test
  void aServerWithATokenTakesItFromTheLogInFormAsACookie() throws Exception {
    try (OozieHttpServer server = new OozieHttpServer(console.backend()).requireToken("s3cret-token")
        .stopGrace(java.time.Duration.ZERO).context("/", new Console(console.backend(), true))
        .start(OozieHttpServer.loopback(0))) {
      String base = "http://127.0.0.1:" + server.port();
      Path wf = console.workflowApp("wf", "make-dir");
      Path app = console.coordinatorApp("waiting", "waits", wf, true);
      String id = console.backend().submit(console.conf(console.coordinatorProperties(app, 3)), true);
      ConsoleFixture.await("3 actions", ConsoleFixture.WAIT, () -> console.coordinator(id).totalActions() == 3);
      ConsoleFixture tokenConsole = console;

      Document page = org.jsoup.Jsoup.parse(get(base + "/job/" + id).body());
      assertNotNull(page.selectFirst("a.login"), "a log-in link");
      assertEquals(401, post(base + "/job/" + id + "/suspend", "", base, null).statusCode());
      assertEquals(401, post(base + "/login", "token=wrong&next=%2F", base, null).statusCode());

      HttpResponse<String> login = post(base + "/login", "token=s3cret-token&next=%2Fjob%2F" + id, base, null);
      assertEquals(303, login.statusCode());
      assertEquals("/job/" + id, login.headers().firstValue("Location").orElseThrow());
      String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hk_token="))
          .findFirst().orElseThrow();
      assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
      String sent = cookie.substring(0, cookie.indexOf(';'));

      assertEquals(403, post(base + "/job/" + id + "/suspend", "", "http://evil.example", sent).statusCode());
      assertEquals("RUNNING", tokenConsole.status(id));
      assertEquals(303, post(base + "/job/" + id + "/suspend", "", base, sent).statusCode());
      assertEquals("SUSPENDED", tokenConsole.status(id));
    }
  }

  @Test
  void staticFilesDeepLinksAndUnknownPages() throws Exception {
    HttpResponse<String> js = console.get("/static/console.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(js.body().contains("EventSource"));
    assertEquals(200, console.get("/static/console.css").statusCode());
    assertEquals(200, console.get("/favicon.ico").statusCode());
    assertEquals(404, console.get("/static/../pom.xml").statusCode());
    assertEquals(404, console.get("/nowhere").statusCode());
    assertEquals(404, console.get("/job/0000000-000000000000000-hk-W").statusCode());
    // Oozie's console URL, /oozie?job=<id>, lands on the job's page
    HttpResponse<String> oozie = console.get("/oozie?job=0000001-000000000000000-hk-C");
    assertEquals(302, oozie.statusCode());
    HttpResponse<String> here = console.get(oozie.headers().firstValue("Location").orElseThrow());
    assertEquals(303, here.statusCode());
    assertEquals("/job/0000001-000000000000000-hk-C", here.headers().firstValue("Location").orElseThrow());
    assertEquals(405, console.post("/", Map.of()).statusCode());
  }

  private String actionStatus(String id, int number) {
    return ((Views.CoordAction) console.backend().action(id + "@" + number)).status();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return console.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body, String origin, String cookie) throws Exception {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return console.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
