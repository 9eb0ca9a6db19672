package dev.hadoopkit.workflow.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The console's stylesheet, script and icon, read from the jar once (no build step: these are the sources). */
final class StaticFiles {
  record File(String contentType, byte[] body) {
  }

  private static final String BASE = "/dev/hadoopkit/workflow/console/static/";
  private final Map<String, File> files;

  StaticFiles() {
    this.files = Map.of(
        "console.css", load("console.css", "text/css; charset=utf-8"),
        "console.js", load("console.js", "text/javascript; charset=utf-8"),
        "favicon.svg", load("favicon.svg", "image/svg+xml"));
  }

  /** The file of that name, or null: only these names, so no path can reach elsewhere. */
  File get(String name) {
    return files.get(name);
  }

  private static File load(String name, String contentType) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find the console resource " + BASE + name + " in the jar");
      }
      return new File(contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the console resource " + BASE + name, e);
    }
  }
}
