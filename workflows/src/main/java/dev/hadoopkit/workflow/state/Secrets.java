package dev.hadoopkit.workflow.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The secret job properties of a run — those whose name contains {@code password}, {@code secret}, {@code token} or
 * {@code credential}, in any case — and masking of their values as {@value #MASK} wherever the engine shows or
 * stores text: journal messages and action data, run.log, the CLI's output, the action's output files. Values shorter
 * than {@value #MIN_MASKED_LENGTH} characters are masked where the property is shown by name, not inside other text
 * (masking every "1" of a message would hide more than it protects).
 */
public record Secrets(List<String> values) {
  public static final String MASK = "********";
  public static final int MIN_MASKED_LENGTH = 4;
  private static final List<String> MARKERS = List.of("password", "secret", "token", "credential");
  private static final long MAX_SCRUBBED_FILE = 16L * 1024 * 1024;

  public Secrets {
    values = values.stream().filter(v -> v != null && v.length() >= MIN_MASKED_LENGTH).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  public static final Secrets NONE = new Secrets(List.of());

  public static boolean isSecretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return MARKERS.stream().anyMatch(lower::contains);
  }

  public static Secrets of(Map<String, String> conf) {
    return new Secrets(conf.entrySet().stream().filter(e -> isSecretName(e.getKey())).map(Map.Entry::getValue)
        .toList());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The text with every secret value replaced by the mask (longest first, so a value inside another is covered). */
  public String mask(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String out = text;
    for (String value : values) {
      out = out.replace(value, MASK);
    }
    return out;
  }

  /** Properties for display: secret-named ones masked whatever their length, others with secret values masked. */
  public Map<String, String> maskConf(Map<String, String> conf) {
    Map<String, String> out = new TreeMap<>();
    conf.forEach((k, v) -> out.put(k, isSecretName(k) ? MASK : mask(v)));
    return out;
  }

  /** A journal record with its message and action data masked. */
  public JournalRecord mask(JournalRecord record) {
    if (values.isEmpty()) {
      return record;
    }
    if (record instanceof JournalRecord.Status r) {
      return new JournalRecord.Status(r.time(), r.status(), mask(r.message()));
    }
    if (record instanceof JournalRecord.Retry r) {
      return new JournalRecord.Retry(r.time(), r.node(), r.attempt(), r.code(), mask(r.message()), r.dueTime());
    }
    if (record instanceof JournalRecord.End r) {
      return new JournalRecord.End(r.time(), r.status(), r.node(), r.to(), r.code(), mask(r.message()),
          maskData(r.data()), r.counters(), r.skipped());
    }
    if (record instanceof JournalRecord.Rerun r) {
      return new JournalRecord.Rerun(r.time(), r.conf(), mask(r.changed()), r.run(), r.skip());
    }
    return record; // submitted, start, external: no message, no data
  }

  private Map<String, String> maskData(Map<String, String> data) {
    if (data == null) {
      return null;
    }
    Map<String, String> masked = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : data.entrySet()) {
      masked.put(e.getKey(), isSecretName(e.getKey()) ? MASK : mask(e.getValue()));
    }
    return masked;
  }

  /**
   * Masks secret values inside the regular files under a directory (an action attempt's stdout, stderr, action.xml,
   * captured output), once the action has ended. Symbolic links and files over 16 MB are left alone.
   */
  public void scrub(Path dir) throws IOException {
    if (values.isEmpty() || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_SCRUBBED_FILE) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // byte-exact for any content
        String masked = text;
        for (String value : values) {
          masked = masked.replace(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
              MASK);
        }
        if (!masked.equals(text)) {
          Files.write(file, masked.getBytes(StandardCharsets.ISO_8859_1));
        }
      }
    }
  }
}
