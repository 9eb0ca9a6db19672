package dev.hadoopkit.workflow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Oozie's web-services API (v1/v2) over an {@link OozieBackend}, on the JDK's {@code com.sun.net.httpserver} with a
 * bounded worker pool, so that the real Oozie client ({@code oozie job -info/-run/-kill …}, {@code -auth SIMPLE})
 * works against the scheduler daemon.
 *
 * <pre>{@code
 * OozieHttpServer server = new OozieHttpServer(backend)
 *     .requireToken(ServerToken.loadOrCreate(stateDir))   // needed for a bind beyond loopback
 *     .start(new InetSocketAddress("127.0.0.1", 11000));
 * server.context("/", consoleHandler);                     // HTML pages next to the API
 * ...
 * server.close();
 * }</pre>
 *
 * Routes: {@code GET /oozie/versions}; {@code /oozie/v{0,1,2}/admin/status|build-version|available-timezones};
 * {@code POST /oozie/v{1,2}/jobs[?action=start|dryrun]} (configuration XML body); {@code GET /oozie/v{1,2}/jobs};
 * {@code PUT /oozie/v{1,2}/jobs?action=kill|suspend|resume} (bulk); {@code GET /oozie/v{1,2}/job/{id}?show=info|
 * definition|log|graph|status}; {@code PUT /oozie/v{1,2}/job/{id}?action=start|suspend|resume|kill|change|rerun|
 * coord-rerun|bundle-rerun|ignore}; {@code GET /oozie/v2/events} (server-sent events); {@code GET /metrics}
 * (Prometheus); {@code OPTIONS} on every path answers 200 (hadoop-auth's PseudoAuthenticator, used by {@code -auth
 * SIMPLE}, sends one before each call).
 */
public final class OozieHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OozieHttpServer.class);

  static {
    // The JDK server writes a response's headers and its body separately; with Nagle's algorithm on, a body under
    // one segment waits for the client's delayed ACK of the headers: 40 ms on every small answer on Linux
    // (bench --console: admin/status 45 ms, 2 ms without). Read once, when the first server is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
  private static final int MAX_BODY = 8 << 20;
  private static final int COORD_DEFAULT_LEN = 1000;
  private static final int JOBS_DEFAULT_LEN = 50;
  /** A log-in form is a few hundred bytes; a bigger body is not searched for a token. */
  private static final int FORM_TOKEN_MAX_BODY = 64 << 10;
  public static final String TOKEN_COOKIE = "hk_token";

  private final OozieBackend backend;
  private ServerToken token;
  private int threads = 16;
  private int maxEventStreams = 64;
  private Duration heartbeat = Duration.ofSeconds(15);
  private int stopGraceSeconds = 1;
  private String buildVersion = "hadoopkit-" + Objects.requireNonNullElse(
      OozieHttpServer.class.getPackage().getImplementationVersion(), "dev");
  private Function<String, String> consoleUrl;
  private final Map<String, HttpHandler> extraContexts = new LinkedHashMap<>();

  private HttpServer server;
  private ThreadPoolExecutor executor;
  private EventStreams events;

  public OozieHttpServer(OozieBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** Mutating requests (POST, PUT, DELETE) must carry this token; required for a bind beyond loopback. */
  public OozieHttpServer requireToken(String token) {
    return requireToken(ServerToken.of(token));
  }

  public OozieHttpServer requireToken(ServerToken token) {
    checkNotStarted();
    this.token = Objects.requireNonNull(token, "token");
    return this;
  }

  /** Worker threads (default 16); requests beyond them and a queue of 256 run on the accepting thread (back-pressure). */
  public OozieHttpServer threads(int threads) {
    checkNotStarted();
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.threads = threads;
    return this;
  }

  /** Interval of the event stream's heartbeat comments (default 15 s). */
  public OozieHttpServer heartbeat(Duration heartbeat) {
    checkNotStarted();
    this.heartbeat = Objects.requireNonNull(heartbeat);
    return this;
  }

  /**
   * How long {@link #close} lets requests in progress finish (default 1 s, whole seconds; on Java 17 the JDK server
   * waits that long even when idle, so tests pass zero).
   */
  public OozieHttpServer stopGrace(Duration grace) {
    this.stopGraceSeconds = (int) Math.max(0, grace.toSeconds());
    return this;
  }

  /** Most event streams open at once (default 64); one more is a 503. */
  public OozieHttpServer maxEventStreams(int max) {
    checkNotStarted();
    this.maxEventStreams = max;
    return this;
  }

  /** What {@code admin -version} prints. */
  public OozieHttpServer buildVersion(String version) {
    this.buildVersion = Objects.requireNonNull(version);
    return this;
  }

  /**
   * The {@code consoleUrl} of a job (id → URL). Default: {@code http://<Host header>/oozie?job=<id>}, which
   * redirects to {@code /?job=<id>} (the console's context, see {@link #context}).
   */
  public OozieHttpServer consoleUrl(Function<String, String> consoleUrl) {
    this.consoleUrl = consoleUrl;
    return this;
  }

  /**
   * Serves {@code path} with another handler (before or after {@link #start}), e.g. console pages at {@code /}.
   * {@code /oozie} and {@code /metrics} stay this server's (the longest matching context wins); without a handler
   * at {@code /}, unknown paths answer a JSON 404.
   */
  public synchronized OozieHttpServer context(String path, HttpHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (path.equals("/oozie") || path.startsWith("/oozie/") || path.equals("/metrics")) {
      throw new IllegalArgumentException(path + " belongs to the Oozie API");
    }
    extraContexts.put(path, handler);
    if (server != null) {
      try {
        server.removeContext(path);
      } catch (IllegalArgumentException none) {
        // not there yet
      }
      server.createContext(path, guarded(handler));
    }
    return this;
  }

  /** Binds and starts. A non-loopback address needs {@link #requireToken}. */
  public synchronized OozieHttpServer start(InetSocketAddress bind) throws IOException {
    checkNotStarted();
    InetAddress addr = bind.getAddress();
    if (token == null && (addr == null || !addr.isLoopbackAddress())) {
      throw new IllegalStateException("binding " + bind + " (beyond loopback) needs a token: requireToken("
          + "ServerToken.loadOrCreate(stateDir)), or bind 127.0.0.1");
    }
    AtomicInteger n = new AtomicInteger();
    executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
      Thread t = new Thread(r, "hk-oozie-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    events = new EventStreams(backend, heartbeat.toMillis(), maxEventStreams);
    HttpServer s = HttpServer.create(bind, 128);
    s.setExecutor(executor);
    s.createContext("/oozie", this::handle);
    s.createContext("/metrics", this::handle);
    if (!extraContexts.containsKey("/")) {
      s.createContext("/", this::handle);
    }
    for (Map.Entry<String, HttpHandler> e : extraContexts.entrySet()) {
      s.createContext(e.getKey(), guarded(e.getValue()));
    }
    s.start();
    server = s;
    LOG.info("Oozie API listening on {}{}", s.getAddress(), token == null ? "" : " (mutating requests need the token)");
    return this;
  }

  /** Binds {@code 127.0.0.1:port}. */
  public static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  public synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress();
  }

  /** The URL to give {@code oozie -oozie}: {@code http://host:port/oozie}. */
  public String oozieUrl() {
    InetSocketAddress a = address();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + a.getPort() + "/oozie";
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    events.close();
    server.stop(stopGraceSeconds);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  /** Open event streams (for tests and the console). */
  public int openEventStreams() {
    return events == null ? 0 : events.open();
  }

  private void checkNotStarted() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
  }

  /**
   * Another engineer's handler, with the token rule for its mutating requests too. An HTML form cannot set a header,
   * so a url-encoded form POST may also carry the token as its {@code token} field (the console's log-in form); the
   * body is read here and handed on unchanged.
   */
  private HttpHandler guarded(HttpHandler h) {
    return ex -> {
      try {
        authorize(ex, Params.parse(ex.getRequestURI().getRawQuery()));
      } catch (HttpError e) {
        if (!formToken(ex)) {
          try (ex) {
            sendError(ex, e.status(), e.code(), e.getMessage());
          }
          return;
        }
        ex.getResponseHeaders().remove("WWW-Authenticate");
      }
      h.handle(ex);
    };
  }

  /** Whether a url-encoded form POST carries the token in its {@code token} field (its body stays readable). */
  private boolean formToken(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (token == null || !ex.getRequestMethod().equalsIgnoreCase("POST") || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(FORM_TOKEN_MAX_BODY + 1);
    }
    ex.setStreams(new java.io.ByteArrayInputStream(body), null);
    if (body.length > FORM_TOKEN_MAX_BODY) {
      return false;
    }
    try {
      return token.matches(Params.parse(new String(body, StandardCharsets.ISO_8859_1)).get("token"));
    } catch (HttpError malformed) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------- dispatch

  private void handle(HttpExchange ex) {
    boolean handedOver = false;
    try {
      handedOver = dispatch(ex);
    } catch (HttpError e) {
      if (e.allow() != null) {
        ex.getResponseHeaders().set("Allow", e.allow());
      }
      sendError(ex, e.status(), e.code(), e.getMessage());
    } catch (ConflictException e) {
      sendError(ex, 409, codeOr(e.code(), "E1018"), e.getMessage());
    } catch (BadRequestException e) {
      sendError(ex, 400, codeOr(e.code(), "E0400"), e.getMessage());
    } catch (NotFoundException e) {
      sendError(ex, 404, "E0604", e.getMessage());
    } catch (IOException e) {
      LOG.debug("{} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("{} {} failed (incident {})", ex.getRequestMethod(), ex.getRequestURI().getPath(), incident, e);
      sendError(ex, 500, "E0307", "Runtime error [internal error, incident " + incident
          + ", see the daemon's log]");
    } finally {
      if (!handedOver) {
        ex.close();
      }
    }
  }

  private static String codeOr(String code, String dflt) {
    return code == null || code.isBlank() ? dflt : code;
  }

  /** Returns true when the exchange was handed over (event stream) and must stay open. */
  private boolean dispatch(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().getPath();
    Params q = Params.parse(ex.getRequestURI().getRawQuery());
    if (method.equals("OPTIONS")) {
      // hadoop-auth's PseudoAuthenticator (oozie -auth SIMPLE) sends OPTIONS ?user.name=… first and needs a 200.
      ex.getResponseHeaders().set("Allow", "GET, POST, PUT, OPTIONS");
      ex.sendResponseHeaders(200, -1);
      return false;
    }
    authorize(ex, q);

    if (path.equals("/metrics")) {
      allow(method, "GET");
      send(ex, 200, PrometheusText.CONTENT_TYPE, PrometheusText.render(backend.metrics()));
      return false;
    }
    if (!path.equals("/oozie") && !path.startsWith("/oozie/")) {
      throw notFound(path);
    }
    List<String> seg = new ArrayList<>();
    for (String s : path.substring("/oozie".length()).split("/")) {
      if (!s.isEmpty()) {
        seg.add(s);
      }
    }
    if (seg.isEmpty()) {
      // Oozie's console URL form http://host/oozie?job=<id>: send browsers to the console at /
      allow(method, "GET");
      String query = ex.getRequestURI().getRawQuery();
      ex.getResponseHeaders().set("Location", "/" + (query == null ? "" : "?" + query));
      ex.sendResponseHeaders(302, -1);
      return false;
    }
    if (seg.size() == 1 && seg.get(0).equals("versions")) {
      allow(method, "GET");
      ArrayNode versions = OozieJson.array().add(0).add(1).add(2);
      sendJson(ex, 200, versions);
      return false;
    }
    String version = seg.get(0);
    if (!version.equals("v0") && !version.equals("v1") && !version.equals("v2")) {
      throw notFound(path);
    }
    String collection = seg.size() > 1 ? seg.get(1) : "";
    String resource = seg.size() > 2 ? String.join("/", seg.subList(2, seg.size())) : null;
    switch (collection) {
      case "admin" -> admin(ex, method, version, resource, q, path);
      case "jobs" -> {
        if (resource != null) {
          throw notFound(path);
        }
        jobs(ex, method, q);
      }
      case "job" -> {
        if (resource == null) {
          throw new HttpError(404, "E0301", "Invalid resource [" + path + "]: a job id is expected, /oozie/"
              + version + "/job/<id>");
        }
        job(ex, method, resource, q);
      }
      case "events" -> {
        if (resource != null) {
          throw notFound(path);
        }
        allow(method, "GET");
        events.attach(ex);
        return true;
      }
      default -> throw notFound(path);
    }
    return false;
  }

  private static HttpError notFound(String path) {
    return new HttpError(404, "E0301", "Invalid resource [" + path + "]: the API is under /oozie/v2/ "
        + "(jobs, job/<id>, admin/status, events), metrics at /metrics");
  }

  private static void allow(String method, String... allowed) {
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    throw new HttpError(405, "E0301", "method " + method + " is not allowed here: use " + String.join(" or ", allowed))
        .allow(String.join(", ", allowed) + ", OPTIONS");
  }

  // ---------------------------------------------------------------------------------------------- security

  private void authorize(HttpExchange ex, Params q) {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    if (token == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && token.matches(auth.substring(7))) {
      return;
    }
    if (token.matches(q.get("token"))) {
      return;
    }
    String cookie = cookie(ex, TOKEN_COOKIE);
    if (token.matches(cookie)) {
      // A cookie rides along on cross-site form posts too: only same-origin pages may use it.
      String origin = ex.getRequestHeaders().getFirst("Origin");
      String host = ex.getRequestHeaders().getFirst("Host");
      if (origin != null && !origin.equals("null") && host != null) {
        String originHost;
        try {
          originHost = URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
          originHost = null;
        }
        if (!host.equalsIgnoreCase(originHost)) {
          throw new HttpError(403, "E0501", "a request from origin " + origin + " may not use the " + TOKEN_COOKIE
              + " cookie of " + host);
        }
      }
      return;
    }
    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"hadoopkit\"");
    throw new HttpError(401, "E0501", (auth == null && q.get("token") == null && cookie == null ? "missing" : "wrong")
        + " token: this server needs one for " + method + " requests; send the header 'Authorization: Bearer <token>'"
        + " (oozie CLI: java -Dheader:Authorization='Bearer <token>'), the token is in the daemon's "
        + ServerToken.FILE_NAME);
  }

  private static String cookie(HttpExchange ex, String name) {
    List<String> headers = ex.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return null;
    }
    for (String h : headers) {
      for (String part : h.split(";")) {
        String p = part.trim();
        if (p.startsWith(name + "=")) {
          return p.substring(name.length() + 1);
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------- admin

  private void admin(HttpExchange ex, String method, String version, String resource, Params q, String path)
      throws IOException {
    if (resource == null) {
      throw notFound(path);
    }
    switch (resource) {
      case "status" -> {
        allow(method, "GET", "PUT");
        if (method.equals("PUT")) {
          throw new HttpError(400, "E0303", "Invalid parameter value, [systemmode] = [" + q.get("systemmode")
              + "]: this server's system mode cannot be changed over the API");
        }
        String mode = backend.systemMode();
        ObjectNode o = OozieJson.object();
        if (version.equals("v0")) {
          o.put("safeMode", !"NORMAL".equals(mode));
        } else {
          o.put("systemMode", mode);
        }
        sendJson(ex, 200, o);
      }
      case "build-version" -> {
        allow(method, "GET");
        ObjectNode o = OozieJson.object();
        o.put("buildVersion", buildVersion);
        ObjectNode info = o.putObject("buildInfo");
        info.put("build.version", buildVersion);
        info.put("build.user", "hadoopkit");
        info.put("vc.url", "hadoopkit");
        sendJson(ex, 200, o);
      }
      case "available-timezones" -> {
        allow(method, "GET");
        ObjectNode o = OozieJson.object();
        ArrayNode arr = o.putArray("available-timezones");
        for (String id : new java.util.TreeSet<>(java.util.Arrays.asList(TimeZone.getAvailableIDs()))) {
          arr.addObject().put("timezoneDisplayName", TimeZone.getTimeZone(id).getDisplayName(Locale.US))
              .put("timezoneId", id);
        }
        sendJson(ex, 200, o);
      }
      default -> throw new HttpError(404, "E0301", "Invalid resource [" + path + "]: this server provides admin/"
          + "status, admin/build-version and admin/available-timezones (metrics at /metrics)");
    }
  }

  // ---------------------------------------------------------------------------------------------- jobs

  private void jobs(HttpExchange ex, String method, Params q) throws IOException {
    allow(method, "GET", "POST", "PUT");
    if (method.equals("POST")) {
      submit(ex, q);
      return;
    }
    if (q.get("external-id") != null) {
      throw new HttpError(400, "E0303", "Invalid parameter value, [external-id] = [" + q.get("external-id")
          + "]: lookup by external id is not supported");
    }
    if (q.get("bulk") != null) {
      throw new HttpError(400, "E0303", "Invalid parameter value, [bulk] = [" + q.get("bulk")
          + "]: bulk coordinator action queries are not supported; use jobs -jobtype coordinator and job -info");
    }
    JobType type = jobType(q.get("jobtype"));
    Map<String, List<String>> filter = Params.filter("jobs filter", q.get("filter"), "E0420");
    int offset = Math.max(1, q.integer("offset", 1));
    int len = q.integer("len", JOBS_DEFAULT_LEN);
    len = len < 1 ? JOBS_DEFAULT_LEN : len;
    Function<String, String> console = console(ex);
    if (method.equals("GET")) {
      sendJson(ex, 200, OozieJson.listing(type, backend.jobs(type, filter, offset, len), console));
      return;
    }
    // PUT: bulk kill/suspend/resume of the jobs the filter selects
    String action = q.get("action");
    if (action == null) {
      throw HttpError.missingParam("action", "kill, suspend or resume");
    }
    if (filter.isEmpty()) {
      throw HttpError.missingParam("filter", "a bulk " + action + " needs a filter (e.g. name=daily;status=RUNNING)");
    }
    Views.Page<Views.JobView> page = backend.jobs(type, filter, offset, len);
    List<Views.JobView> done = new ArrayList<>();
    for (Views.JobView j : page.items()) {
      try {
        switch (action) {
          case "kill" -> backend.kill(j.id(), ActionSelection.ALL);
          case "suspend" -> backend.suspend(j.id(), ActionSelection.ALL);
          case "resume" -> backend.resume(j.id(), ActionSelection.ALL);
          default -> throw HttpError.badParam("action", action, "kill, suspend or resume");
        }
        done.add(backend.info(j.id(), 1, 1, Map.of()));
      } catch (BadRequestException | NotFoundException skipped) {
        LOG.debug("bulk {} skips {}: {}", action, j.id(), skipped.getMessage());
      }
    }
    sendJson(ex, 200, OozieJson.listing(type, new Views.Page<>(done, done.size(), offset, len), console));
  }

  private static JobType jobType(String text) {
    try {
      return JobType.parse(text);
    } catch (BadRequestException e) {
      throw HttpError.badParam("jobtype", text, "wf, coordinator (coord) or bundle is expected");
    }
  }

  private void submit(HttpExchange ex, Params q) throws IOException {
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("xml")) {
      throw new HttpError(400, "E0300", "Invalid content-type [" + contentType + "]: send application/xml "
          + "(a Hadoop configuration)");
    }
    if (q.get("jobtype") != null) {
      throw new HttpError(400, "E0303", "Invalid parameter value, [jobtype] = [" + q.get("jobtype")
          + "]: proxy submissions (-submitmr, -submitpig, …) are not supported; submit an application path");
    }
    Map<String, String> conf = HadoopConfXml.parse(body(ex));
    String user = q.get("user");
    if (user != null && !user.isBlank()) {
      conf.putIfAbsent("user.name", user);
    }
    String action = q.get("action");
    ObjectNode o = OozieJson.object();
    if (action == null || action.equals("start")) {
      o.put("id", backend.submit(conf, action != null));
    } else if (action.equals("dryrun")) {
      List<String> lines = backend.dryrun(conf);
      boolean workflow = conf.get("oozie.coord.application.path") == null
          && conf.get("oozie.bundle.application.path") == null;
      // The client prints "OK" for a workflow; for a coordinator it splits the text at "action for new instance".
      o.put("id", workflow ? "OK" : String.join("\n", lines));
      ArrayNode arr = o.putArray("lines");
      lines.forEach(arr::add);
    } else {
      throw HttpError.badParam("action", action, "start or dryrun (or none: submit only)");
    }
    sendJson(ex, 201, o);
  }

  // ---------------------------------------------------------------------------------------------- job

  private void job(HttpExchange ex, String method, String id, Params q) throws IOException {
    allow(method, "GET", "PUT");
    if (method.equals("GET")) {
      show(ex, id, q);
    } else {
      control(ex, id, q);
    }
  }

  private void show(HttpExchange ex, String id, Params q) throws IOException {
    String show = q.get("show");
    show = show == null || show.isEmpty() ? "info" : show;
    switch (show) {
      case "info" -> {
        if (id.contains("@")) {
          Object action = backend.action(id);
          if (action instanceof Views.CoordAction ca) {
            sendJson(ex, 200, OozieJson.coordAction(ca));
          } else if (action instanceof Views.WorkflowAction wa) {
            sendJson(ex, 200, OozieJson.workflowAction(wa));
          } else {
            throw new NotFoundException("no action " + id);
          }
          return;
        }
        sendJson(ex, 200, OozieJson.job(info(id, q), console(ex)));
      }
      case "status" -> {
        String status;
        if (id.contains("@")) {
          Object action = backend.action(id);
          if (action instanceof Views.CoordAction ca) {
            status = ca.status();
          } else if (action instanceof Views.WorkflowAction wa) {
            status = wa.status();
          } else {
            throw new NotFoundException("no action " + id);
          }
        } else {
          JobType.ofId(id);
          status = backend.info(id, 1, 1, Map.of()).status();
        }
        sendJson(ex, 200, OozieJson.object().put("status", status));
      }
      case "definition" -> {
        JobType.ofId(id);
        send(ex, 200, "application/xml; charset=utf-8", backend.definition(id));
      }
      case "log" -> {
        JobType type = JobType.ofId(id);
        if (q.get("logfilter") != null && !q.get("logfilter").isBlank()) {
          throw HttpError.badParam("logfilter", q.get("logfilter"),
              "filtering log lines is not supported; -log <id> returns the whole log");
        }
        ActionSelection sel = q.selection();
        if (sel.isAll()) {
          send(ex, 200, "text/plain; charset=utf-8", backend.log(id));
        } else if (type != JobType.COORDINATOR) {
          throw HttpError.badParam("type", q.get("type"),
              "-action and -date select the actions of a coordinator's log (…-C); " + id + " is not one");
        } else {
          send(ex, 200, "text/plain; charset=utf-8", actionsLog(id, sel));
        }
      }
      case "graph" -> {
        JobType.ofId(id);
        String format = q.get("format");
        if (format != null && !format.isBlank() && !format.equalsIgnoreCase("svg")) {
          throw HttpError.badParam("format", format, "svg is the only graph format");
        }
        send(ex, 200, "image/svg+xml; charset=utf-8", backend.graph(id));
      }
      case "allruns" -> {
        // -info <coord>@n -allruns: a rerun runs the action's workflow again under its id (its run number grows),
        // so the action's one workflow holds every run
        if (!id.contains("@") || JobType.ofId(id) != JobType.COORDINATOR) {
          throw HttpError.badParam("show", show, "allruns is for a coordinator action (…-C@<n>)");
        }
        Object action = backend.action(id);
        ObjectNode o = OozieJson.object();
        ArrayNode workflows = o.putArray("workflows");
        if (action instanceof Views.CoordAction ca && ca.externalId() != null && !ca.externalId().isBlank()) {
          workflows.add(OozieJson.job(backend.info(ca.externalId(), 1, Integer.MAX_VALUE, Map.of()), console(ex)));
        }
        sendJson(ex, 200, o);
      }
      case "errorlog", "auditlog" -> throw HttpError.badParam("show", show, "not kept by this server; use show=log");
      default -> throw HttpError.badParam("show", show,
          "info, status, definition, log, graph or allruns is expected");
    }
  }

  /** {@code -log <coord> -action 1,3-4 | -date a::b}: the logs of the chosen actions' workflows, in order. */
  private String actionsLog(String id, ActionSelection sel) {
    Views.CoordJob job = (Views.CoordJob) backend.info(id, 1, Integer.MAX_VALUE, Map.of());
    List<Views.CoordAction> chosen = new ArrayList<>();
    for (Views.CoordAction a : job.actions() == null ? List.<Views.CoordAction>of() : job.actions()) {
      if (Params.selects(sel, a)) {
        chosen.add(a);
      }
    }
    if (chosen.isEmpty()) {
      throw new BadRequestException("E1025", "no action of " + id + " matches " + sel.type() + " " + sel.scope()
          + " (it has " + job.lastActionNumber() + " materialized)");
    }
    StringBuilder text = new StringBuilder();
    for (Views.CoordAction a : chosen) {
      if (a.externalId() != null && !a.externalId().isBlank()) {
        text.append(backend.log(a.externalId()));
      }
    }
    return text.toString();
  }

  private Views.JobView info(String id, Params q) {
    JobType type = JobType.ofId(id);
    int offset = Math.max(1, q.integer("offset", 1));
    int len = q.integer("len", 0);
    Map<String, List<String>> filter = Params.filter("job filter", q.get("filter"), "E0421");
    if (type != JobType.COORDINATOR) {
      return backend.info(id, offset, len < 1 ? Integer.MAX_VALUE : len, filter);
    }
    len = len < 1 ? COORD_DEFAULT_LEN : len;
    String order = q.get("order");
    if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
      return backend.info(id, offset, len, filter);
    }
    if (!order.equalsIgnoreCase("desc")) {
      throw HttpError.badParam("order", order, "asc or desc is expected");
    }
    Views.CoordJob all = (Views.CoordJob) backend.info(id, 1, Integer.MAX_VALUE, filter);
    List<Views.CoordAction> reversed = new ArrayList<>(all.actions() == null ? List.of() : all.actions());
    Collections.reverse(reversed);
    int from = Math.min(offset - 1, reversed.size());
    List<Views.CoordAction> page = reversed.subList(from, Math.min(reversed.size(), from + len));
    return new Views.CoordJob(all.id(), all.name(), all.appPath(), all.user(), all.status(), all.conf(),
        all.frequency(), all.timeUnit(), all.timeZone(), all.concurrency(), all.timeout(), all.executionPolicy(),
        all.throttle(), all.startTime(), all.endTime(), all.pauseTime(), all.nextMaterializedTime(),
        all.lastActionNumber(), all.bundleId(), all.createdTime(), all.totalActions(), List.copyOf(page));
  }

  private void control(HttpExchange ex, String id, Params q) throws IOException {
    String action = q.get("action");
    if (action == null || action.isBlank()) {
      throw HttpError.missingParam("action",
          "start, suspend, resume, kill, change, rerun, coord-rerun, bundle-rerun or ignore");
    }
    JobType type = JobType.ofId(id);
    switch (action) {
      case "start" -> {
        backend.start(id);
        sendEmpty(ex);
      }
      case "suspend" -> {
        backend.suspend(id, q.selection());
        sendEmpty(ex);
      }
      case "resume" -> {
        backend.resume(id, q.selection());
        sendEmpty(ex);
      }
      case "kill" -> {
        ActionSelection sel = q.selection();
        backend.kill(id, sel);
        if (type == JobType.COORDINATOR && !sel.isAll()) {
          // the client prints the killed actions of a ranged kill from {"actions":[…]}
          Views.CoordJob c = (Views.CoordJob) backend.info(id, 1, Integer.MAX_VALUE, Map.of());
          List<Views.CoordAction> killed = new ArrayList<>();
          for (Views.CoordAction a : c.actions() == null ? List.<Views.CoordAction>of() : c.actions()) {
            if (Params.selects(sel, a) && "KILLED".equals(a.status())) {
              killed.add(a);
            }
          }
          sendJson(ex, 200, OozieJson.coordActions(killed));
        } else {
          sendEmpty(ex);
        }
      }
      case "change" -> {
        backend.change(id, Params.changeValue(q.get("value")));
        sendEmpty(ex);
      }
      case "rerun" -> {
        if (type != JobType.WF) {
          throw HttpError.badParam("action", action, "rerun is for workflows; a coordinator takes coord-rerun, "
              + "a bundle bundle-rerun");
        }
        backend.rerunWorkflow(id, HadoopConfXml.parse(body(ex)));
        sendEmpty(ex);
      }
      case "coord-rerun" -> {
        if (type != JobType.COORDINATOR) {
          throw HttpError.badParam("action", action, "coord-rerun is for coordinators (…-C)");
        }
        ActionSelection sel = q.selection();
        if (sel.isAll()) {
          throw HttpError.missingParam("scope", "a coordinator rerun needs -action 1,3-4 or -date from::to");
        }
        List<Views.CoordAction> rerun =
            backend.coordRerun(id, sel, q.bool("refresh"), q.bool("nocleanup"), q.bool("failed"));
        sendJson(ex, 200, OozieJson.coordActions(rerun));
      }
      case "bundle-rerun" -> {
        if (type != JobType.BUNDLE) {
          throw HttpError.badParam("action", action, "bundle-rerun is for bundles (…-B)");
        }
        String coords = q.get("coord-scope");
        String dates = q.get("date-scope");
        boolean hasCoords = coords != null && !coords.isBlank();
        boolean hasDates = dates != null && !dates.isBlank();
        if (hasCoords == hasDates) {
          throw HttpError.missingParam(hasCoords ? "date-scope" : "coord-scope", "a bundle rerun takes either "
              + "-coordinator <names> or -date <from::to> (both at once is not supported)");
        }
        ActionSelection sel = hasCoords ? new ActionSelection("coord", coords.trim())
            : new ActionSelection("date", dates.trim());
        List<Views.CoordAction> rerun =
            backend.coordRerun(id, sel, q.bool("refresh"), q.bool("nocleanup"), false);
        sendJson(ex, 200, OozieJson.coordActions(rerun));
      }
      case "ignore" -> {
        sendJson(ex, 200, OozieJson.coordActions(backend.ignore(id, q.selection())));
      }
      case "dryrun" -> throw HttpError.badParam("action", action,
          "a dry run is POST /oozie/v2/jobs?action=dryrun with the configuration");
      case "update", "sla-enable", "sla-disable", "sla-change" ->
          throw HttpError.badParam("action", action, "not supported by this server");
      default -> throw HttpError.badParam("action", action,
          "start, suspend, resume, kill, change, rerun, coord-rerun, bundle-rerun or ignore is expected");
    }
  }

  private Function<String, String> console(HttpExchange ex) {
    if (consoleUrl != null) {
      return consoleUrl;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null || !host.matches("[A-Za-z0-9.\\-:\\[\\]]+")) {
      InetSocketAddress a = ex.getLocalAddress();
      host = a.getAddress().getHostAddress() + ":" + a.getPort();
    }
    String base = "http://" + host + "/oozie?job=";
    return id -> base + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------- I/O

  private static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] data = in.readNBytes(MAX_BODY + 1);
      if (data.length > MAX_BODY) {
        throw new HttpError(413, "E0400", "the request body is larger than " + (MAX_BODY >> 20) + " MB");
      }
      return data;
    }
  }

  private static void securityHeaders(HttpExchange ex) {
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
  }

  private static void sendJson(HttpExchange ex, int status, JsonNode json) throws IOException {
    sendBytes(ex, status, "application/json; charset=utf-8", OozieJson.bytes(json));
  }

  private static void send(HttpExchange ex, int status, String contentType, String text) throws IOException {
    sendBytes(ex, status, contentType, (text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
  }

  private static void sendEmpty(HttpExchange ex) throws IOException {
    securityHeaders(ex);
    ex.sendResponseHeaders(200, -1);
  }

  private static void sendBytes(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    securityHeaders(ex);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  private void sendError(HttpExchange ex, int status, String code, String message) {
    String msg = message == null || message.isBlank() ? "error " + status : message;
    try {
      ex.getResponseHeaders().set("oozie-error-code", code);
      ex.getResponseHeaders().set("oozie-error-message", headerSafe(msg));
      sendBytes(ex, status, "application/json; charset=utf-8", OozieJson.bytes(OozieJson.error(status, code, msg)));
    } catch (IOException | IllegalStateException e) {
      LOG.debug("cannot send error {} for {}: {}", status, ex.getRequestURI(), e.toString());
    }
  }

  /** One line of printable ASCII (header values are Latin-1 on the wire; CR/LF would split the header). */
  static String headerSafe(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 2000));
    for (int i = 0; i < s.length() && sb.length() < 2000; i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : (c == '\n' || c == '\r' || c == '\t' ? ' ' : '?'));
    }
    return sb.toString().trim();
  }

}
