package dev.hadoopkit.workflow.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hadoopkit.workflow.server.OozieHttpServer;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: server-rendered pages over the same {@link OozieBackend} as the REST API, mounted at {@code /}
 * of the daemon's {@link OozieHttpServer} ({@code server.context("/", new Console(backend, tokenRequired))}).
 *
 * <pre>
 * GET  /                      jobs (?type=wf|coordinator|bundle&amp;status=&amp;name=&amp;offset=&amp;len=)
 * GET  /job/&lt;id&gt;               a workflow run, coordinator or bundle (deep link; …-C@3 goes to the action)
 * POST /job/&lt;id&gt;/&lt;control&gt;     kill | suspend | resume | rerun | ignore | change, then 303 back to the page
 * GET  /submit                the submit form;  POST /submit/dryrun, POST /submit/run
 * GET  /login, POST /login    the server token as a cookie (servers bound beyond loopback); POST /logout
 * GET  /static/…              console.css, console.js, favicon.svg
 * </pre>
 *
 * Every page works without JavaScript; {@code console.js} adds live updates from {@code /oozie/v2/events}. The
 * server's guard has already applied the token rule to POSTs; this handler also refuses posts from other origins
 * (a loopback server has no token, and any web page can post a form to 127.0.0.1).
 */
public final class Console implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Console.class);

  private final OozieBackend backend;
  private final boolean tokenRequired;
  private final StaticFiles files = new StaticFiles();
  private final JobsPage jobs;
  private final WorkflowPage workflow;
  private final CoordinatorPage coordinator;
  private final BundlePage bundle = new BundlePage();
  private final SubmitPage submit;
  private final LoginPage login = new LoginPage();
  private final Controls controls;

  /** {@code tokenRequired}: the server was given {@code requireToken} (it listens beyond loopback). */
  public Console(OozieBackend backend, boolean tokenRequired) {
    this(backend, tokenRequired, Clock.systemUTC());
  }

  Console(OozieBackend backend, boolean tokenRequired, Clock clock) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.tokenRequired = tokenRequired;
    this.jobs = new JobsPage(backend, clock);
    this.workflow = new WorkflowPage(backend, clock);
    this.coordinator = new CoordinatorPage(backend);
    this.submit = new SubmitPage(backend, new PendingSubmissions(clock));
    this.controls = new Controls(backend);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ConsoleRequest request = new ConsoleRequest(exchange);
      Layout.Frame frame = null;
      try {
        frame = frame(request);
        route(request, frame);
      } catch (ConsoleException e) {
        error(request, frame, e.status(), e.getMessage());
      } catch (NotFoundException e) {
        error(request, frame, 404, e.getMessage());
      } catch (ConflictException e) {
        error(request, frame, 409, e.getMessage());
      } catch (BadRequestException e) {
        error(request, frame, 400, e.getMessage());
      } catch (IOException e) {
        LOG.debug("{} {}: {}", request.method(), request.path(), e.toString());
      } catch (RuntimeException e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("console {} {} failed (incident {})", request.method(), request.path(), incident, e);
        error(request, frame, 500, "Internal error, incident " + incident + ": see the daemon's log");
      }
    }
  }

  private Layout.Frame frame(ConsoleRequest request) {
    String query = request.exchange().getRequestURI().getRawQuery();
    String here = request.path() + (query == null ? "" : "?" + query);
    Responses.Flash flash = request.isPost() ? null : Responses.Flash.read(request, request.exchange());
    return new Layout.Frame(flash, tokenRequired, request.cookie(OozieHttpServer.TOKEN_COOKIE) != null, here);
  }

  private void route(ConsoleRequest request, Layout.Frame frame) throws IOException {
    HttpExchange ex = request.exchange();
    String path = request.path();
    if (request.isPost() && !request.isSameOrigin()) {
      throw new ConsoleException(403, "Refused: a form of another site (origin " + request.header("Origin")
          + ") may not control jobs here");
    }
    if (path.equals("/")) {
      allow(request, "GET");
      String job = request.query("job");
      if (job != null && !job.isBlank()) {
        // Oozie's console links, /oozie?job=<id>, arrive here through the API's redirect
        Responses.redirect(ex, Html.jobLink(job.trim()), null);
        return;
      }
      Responses.html(ex, 200, jobs.render(request, frame));
    } else if (path.equals("/favicon.ico")) {
      allow(request, "GET");
      staticFile(ex, "favicon.svg");
    } else if (path.startsWith("/static/")) {
      allow(request, "GET");
      staticFile(ex, path.substring("/static/".length()));
    } else if (path.startsWith("/job/")) {
      job(request, frame, path.substring("/job/".length()));
    } else if (path.equals("/submit")) {
      allow(request, "GET");
      Responses.html(ex, 200, submit.form(frame, SubmitPage.Input.EMPTY, null));
    } else if (path.equals("/submit/dryrun")) {
      allow(request, "POST");
      SubmitPage.Result result = submit.dryRun(request, frame);
      Responses.html(ex, result.status(), result.html());
    } else if (path.equals("/submit/run")) {
      allow(request, "POST");
      try {
        String id = submit.run(request);
        Responses.redirect(ex, Html.jobLink(id), Responses.Flash.ok("Submitted " + id));
      } catch (BadRequestException | ConsoleException e) {
        Responses.redirect(ex, "/submit", Responses.Flash.error(e.getMessage()));
      }
    } else if (path.equals("/login")) {
      allow(request, "GET", "POST");
      if (request.isPost()) {
        if (tokenRequired) {
          ex.getResponseHeaders().add("Set-Cookie", LoginPage.cookie(request.form("token")));
        }
        Responses.redirect(ex, LoginPage.safeNext(request.form("next")), Responses.Flash.ok("Logged in"));
      } else {
        Responses.html(ex, 200, login.form(frame, tokenRequired, request.query("next")));
      }
    } else if (path.equals("/logout")) {
      allow(request, "POST");
      ex.getResponseHeaders().add("Set-Cookie", LoginPage.clearCookie());
      Responses.redirect(ex, "/", Responses.Flash.ok("Logged out"));
    } else {
      throw new ConsoleException(404, "No page " + path + ": the jobs are at /, a job at /job/<id>");
    }
  }

  private void job(ConsoleRequest request, Layout.Frame frame, String rest) throws IOException {
    HttpExchange ex = request.exchange();
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    if (id.isEmpty()) {
      throw new ConsoleException(404, "No job id in " + request.path() + ": a job is at /job/<id>");
    }
    if (slash >= 0) {
      allow(request, "POST");
      String control = rest.substring(slash + 1);
      String back = backTo(request, id);
      try {
        Responses.redirect(ex, back, Responses.Flash.ok(controls.apply(id, control, request)));
      } catch (BadRequestException | NotFoundException | ConsoleException e) {
        // the page shows why, the browser stays on it (post/redirect/get for failures too)
        Responses.redirect(ex, back, Responses.Flash.error(control + ": " + e.getMessage()));
      }
      return;
    }
    allow(request, "GET");
    if (id.contains("@")) {
      Responses.redirect(ex, actionLink(id), null);
      return;
    }
    switch (JobType.ofId(id)) {
      case WF -> Responses.html(ex, 200, workflow.render(WorkflowPage.load(backend, id), frame));
      case COORDINATOR -> Responses.html(ex, 200, coordinator.render(id, request, frame));
      case BUNDLE -> Responses.html(ex, 200,
          bundle.render((Views.BundleJob) backend.info(id, 1, 0, Map.of()), frame));
    }
  }

  /** A coordinator action opens its workflow run (or its row); a workflow action its run's page. */
  private String actionLink(String actionId) {
    String job = actionId.substring(0, actionId.indexOf('@'));
    String name = actionId.substring(actionId.indexOf('@') + 1);
    Object action = backend.action(actionId);
    if (action instanceof Views.CoordAction a && a.externalId() != null) {
      return Html.jobLink(a.externalId());
    }
    return Html.jobLink(job) + (action instanceof Views.CoordAction ? "#action-" : "#node-") + Html.url(name);
  }

  /** Where a control's redirect goes: the page the form names (a console path only), else the job's page. */
  private static String backTo(ConsoleRequest request, String id) throws IOException {
    String back = request.form("back");
    return back != null && back.startsWith("/job/") ? LoginPage.safeNext(back) : Html.jobLink(id);
  }

  private void staticFile(HttpExchange ex, String name) throws IOException {
    StaticFiles.File file = files.get(name);
    if (file == null) {
      throw new ConsoleException(404, "No file /static/" + name);
    }
    Responses.send(ex, 200, file.contentType(), file.body(), "max-age=300");
  }

  private static void allow(ConsoleRequest request, String... methods) {
    for (String method : methods) {
      if (method.equals(request.method()) || (method.equals("GET") && request.method().equals("HEAD"))) {
        return;
      }
    }
    request.exchange().getResponseHeaders().set("Allow", String.join(", ", methods));
    throw new ConsoleException(405, "Method " + request.method() + " is not allowed on " + request.path()
        + ": use " + String.join(" or ", methods));
  }

  private void error(ConsoleRequest request, Layout.Frame frame, int status, String message) throws IOException {
    Html h = new Html();
    h.element("h1", status == 404 ? "Not found" : status >= 500 ? "Server error" : "Cannot do that").line();
    h.element("p", message, "class", "flash error", "role", "alert", "id", "error").line();
    h.open("p").element("a", "Back to the jobs", "href", "/").close("p");
    Layout.Frame f = frame != null ? frame : new Layout.Frame(null, tokenRequired, false, "/");
    try {
      Responses.html(request.exchange(), status, Layout.page(f, "Error " + status, "", Layout.Live.NONE, h));
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot send error {} for {}: {}", status, request.path(), e.toString());
    }
  }
}
