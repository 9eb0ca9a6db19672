package dev.hadoopkit.workflow.server;

import com.sun.net.httpserver.HttpExchange;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /oozie/v2/events}: server-sent events, one {@code data: {json}} per {@link Views.Event}, a comment line
 * every heartbeat interval. A stream does not hold an HTTP worker thread: the handler returns after the headers and a
 * small writer pool drains each stream's bounded queue. A client that has gone away is noticed at the next write
 * (at the latest the next heartbeat) and unsubscribed; a client too slow to keep up (queue full) is disconnected
 * rather than slowing the scheduler. {@link #close} ends every stream.
 */
final class EventStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
  private static final int QUEUE = 1024;

  private final OozieBackend backend;
  private final long heartbeatMillis;
  private final int maxStreams;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final ExecutorService writers;
  private final ScheduledExecutorService heartbeats;
  private volatile boolean closed;

  EventStreams(OozieBackend backend, long heartbeatMillis, int maxStreams) {
    this.backend = backend;
    this.heartbeatMillis = heartbeatMillis;
    this.maxStreams = maxStreams;
    AtomicInteger n = new AtomicInteger();
    this.writers = Executors.newFixedThreadPool(2, r -> daemon(r, "hk-sse-writer-" + n.incrementAndGet()));
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hk-sse-heartbeat"));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  int open() {
    return streams.size();
  }

  /** Takes over the exchange; returns at once. */
  void attach(HttpExchange ex) throws IOException {
    if (closed) {
      throw new HttpError(503, "E0002", "the server is stopping");
    }
    if (streams.size() >= maxStreams) {
      throw new HttpError(503, "E0002",
          "too many event streams open (" + maxStreams + "): close one or poll GET /oozie/v2/jobs instead");
    }
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Accel-Buffering", "no");
    ex.sendResponseHeaders(200, 0);
    Stream s = new Stream(ex);
    streams.add(s);
    s.offer(": connected\nretry: 5000\n\n");
    try {
      s.subscription = backend.subscribe(e -> s.offer("data: " + OozieJson.write(OozieJson.event(e)) + "\n\n"));
    } catch (RuntimeException e) {
      LOG.warn("event subscription failed: {}", e.toString());
      s.close();
      return;
    }
    s.heartbeat = heartbeats.scheduleAtFixedRate(() -> s.offer(": heartbeat\n\n"), heartbeatMillis,
        heartbeatMillis, TimeUnit.MILLISECONDS);
    if (closed) {
      s.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Stream s : streams) {
      s.close();
    }
    heartbeats.shutdownNow();
    writers.shutdown();
    try {
      writers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writers.shutdownNow();
  }

  private final class Stream {
    private final HttpExchange ex;
    private final OutputStream out;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    volatile AutoCloseable subscription;
    volatile ScheduledFuture<?> heartbeat;

    Stream(HttpExchange ex) {
      this.ex = ex;
      this.out = ex.getResponseBody();
    }

    void offer(String frame) {
      if (done.get()) {
        return;
      }
      if (!queue.offer(frame)) {
        LOG.info("event stream to {} cannot keep up ({} frames queued): disconnecting it",
            ex.getRemoteAddress(), QUEUE);
        close();
        return;
      }
      if (draining.compareAndSet(false, true)) {
        try {
          writers.execute(this::drain);
        } catch (RuntimeException rejected) {
          close();
        }
      }
    }

    private void drain() {
      try {
        while (!done.get()) {
          String frame = queue.poll();
          if (frame == null) {
            draining.set(false);
            // an offer between poll() and set(false) would not have scheduled us: look once more
            if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
              return;
            }
            continue;
          }
          out.write(frame.getBytes(StandardCharsets.UTF_8));
          if (queue.isEmpty()) {
            out.flush();
          }
        }
      } catch (IOException gone) {
        close();
      }
    }

    void close() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      streams.remove(this);
      ScheduledFuture<?> hb = heartbeat;
      if (hb != null) {
        hb.cancel(false);
      }
      AutoCloseable sub = subscription;
      if (sub != null) {
        try {
          sub.close();
        } catch (Exception e) {
          LOG.debug("closing an event subscription: {}", e.toString());
        }
      }
      try {
        out.close();
      } catch (IOException ignored) {
        // the client is gone already
      }
      ex.close();
    }
  }
}
