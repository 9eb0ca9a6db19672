package dev.hadoopkit.workflow.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configurations that passed a dry run and wait for the "Run" button. Kept here rather than echoed into the page so
 * that what runs is exactly what was dry-run and the uploaded properties (passwords among them) never travel back to
 * the browser. Bounded and short-lived: a console restart or half an hour forgets them (the user dry-runs again).
 */
final class PendingSubmissions {
  static final int MAX = 100;
  static final Duration TTL = Duration.ofMinutes(30);

  private record Entry(Map<String, String> conf, long createdMillis) {
  }

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  PendingSubmissions(Clock clock) {
    this.clock = clock;
  }

  /** Keeps the configuration; returns the unguessable key the run form carries. */
  synchronized String put(Map<String, String> conf) {
    expire();
    while (entries.size() >= MAX) {
      Iterator<String> oldest = entries.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    entries.put(key, new Entry(Map.copyOf(conf), clock.millis()));
    return key;
  }

  /** The configuration of a key, removed (a second click does not submit twice); null when unknown or expired. */
  synchronized Map<String, String> take(String key) {
    expire();
    Entry entry = key == null ? null : entries.remove(key);
    return entry == null ? null : entry.conf();
  }

  private void expire() {
    long oldest = clock.millis() - TTL.toMillis();
    entries.values().removeIf(e -> e.createdMillis() < oldest);
  }
}
