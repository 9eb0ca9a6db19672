package dev.hadoopkit.workflow.server;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
  private TokenGuard guard;

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
    checkNotStarted();
    this.buildVersion = Objects.requireNonNull(version);
    return this;
  }

  /**
   * The {@code consoleUrl} of a job (id → URL). Default: {@code http://<Host header>/oozie?job=<id>}, which
   * redirects to {@code /?job=<id>} (the console's context, see {@link #context}).
   */
  public OozieHttpServer consoleUrl(Function<String, String> consoleUrl) {
    checkNotStarted();
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
      server.createContext(path, guard.guarded(handler));
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
    guard = new TokenGuard(token);
    ApiRouter api = new ApiRouter(backend, guard, events, buildVersion, consoleUrl);
    HttpServer s = HttpServer.create(bind, 128);
    s.setExecutor(executor);
    s.createContext("/oozie", api);
    s.createContext("/metrics", api);
    if (!extraContexts.containsKey("/")) {
      s.createContext("/", api);
    }
    for (Map.Entry<String, HttpHandler> e : extraContexts.entrySet()) {
      s.createContext(e.getKey(), guard.guarded(e.getValue()));
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
}
