package dev.hadoopkit.workflow.action;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a driver main in a launcher container (map-reduce, sqoop) tells the engine, in {@code
 * action-result.properties}: {@code exit}, {@code jobs} (comma-separated ids), {@code error} (one line) and the
 * counters as {@code counter.<group>|<name>}. Written to a temp file and renamed, read back after the launcher ended.
 */
record ActionResultFile(int exit, String jobs, String error, Map<String, Map<String, Long>> counters) {
  private static final String COUNTER = "counter.";

  ActionResultFile {
    counters = Map.copyOf(counters);
    jobs = jobs == null ? "" : jobs;
  }

  void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("exit", String.valueOf(exit));
    p.setProperty("jobs", jobs);
    if (error != null) {
      p.setProperty("error", error);
    }
    counters.forEach((group, values) -> values.forEach((name, value) ->
        p.setProperty(COUNTER + group + "|" + name, String.valueOf(value))));
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(out, null);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The file the launcher brought back, or null when the driver wrote none (it died before its end). */
  static ActionResultFile read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Map<String, Map<String, Long>> counters = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      int bar = key.lastIndexOf('|');
      if (key.startsWith(COUNTER) && bar > COUNTER.length()) {
        counters.computeIfAbsent(key.substring(COUNTER.length(), bar), g -> new TreeMap<>())
            .put(key.substring(bar + 1), Long.parseLong(p.getProperty(key)));
      }
    }
    return new ActionResultFile(Integer.parseInt(p.getProperty("exit", "1")), p.getProperty("jobs"),
        p.getProperty("error"), counters);
  }
}
