package dev.hadoopkit.workflow.console;

import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /submit}: a job.properties (a path on the daemon's machine, an upload, or pasted text, plus {@code -D}-like
 * overrides) is dry-run first ({@link OozieBackend#dryrun}); the result page's "Run" button submits exactly that
 * configuration ({@link OozieBackend#submit}) and redirects to the new job.
 */
final class SubmitPage {
  static final String COORD_APP_PATH = "oozie.coord.application.path";
  static final String BUNDLE_APP_PATH = "oozie.bundle.application.path";
  static final String WF_APP_PATH = "oozie.wf.application.path";

  /** What the user typed, to show the form again after an error. */
  record Input(String path, String text, String overrides) {
    static final Input EMPTY = new Input("", "", "");
  }

  private final OozieBackend backend;
  private final PendingSubmissions pending;

  SubmitPage(OozieBackend backend, PendingSubmissions pending) {
    this.backend = backend;
    this.pending = pending;
  }

  String form(Layout.Frame frame, Input input, String error) {
    Html h = new Html();
    h.element("h1", "Submit a job").line();
    if (error != null) {
      h.element("p", error, "class", "flash error", "role", "alert", "id", "submit-error").line();
    }
    h.open("form", "method", "post", "action", "/submit/dryrun", "enctype", "multipart/form-data",
        "class", "submit", "id", "submit-form");
    h.element("p", "A job.properties naming oozie.wf.application.path, oozie.coord.application.path or "
        + "oozie.bundle.application.path. Nothing runs until you have seen the dry run.", "class", "muted");
    h.open("label", "class", "block").text("Path of a job.properties on the daemon's machine");
    h.empty("input", "type", "text", "name", "path", "id", "path", "value", input.path(), "size", "80",
        "placeholder", "/home/me/apps/daily/job.properties");
    h.close("label");
    h.open("label", "class", "block").text("or upload one ");
    h.empty("input", "type", "file", "name", "file", "id", "file", "accept", ".properties,text/plain");
    h.close("label");
    h.open("label", "class", "block").text("or paste it");
    h.element("textarea", input.text(), "name", "text", "id", "text", "rows", "10", "cols", "90",
        "placeholder", "oozie.coord.application.path=/home/me/apps/daily\nstart=2026-01-01T00:00Z");
    h.close("label");
    h.open("label", "class", "block").text("Overrides, one name=value a line (like -D)");
    h.element("textarea", input.overrides(), "name", "overrides", "id", "overrides", "rows", "3", "cols", "90");
    h.close("label");
    h.element("button", "Dry run", "type", "submit", "id", "dryrun");
    h.close("form").line();
    return Layout.page(frame, "Submit", "submit", Layout.Live.NONE, h);
  }

  /** The dry run's lines and the button that runs it; a configuration error shows the form again (400). */
  Result dryRun(ConsoleRequest request, Layout.Frame frame) throws IOException {
    Input input = new Input(nullToEmpty(request.form("path")), nullToEmpty(request.form("text")),
        nullToEmpty(request.form("overrides")));
    Map<String, String> conf;
    List<String> lines;
    try {
      conf = configuration(input, nullToEmpty(request.form("file")));
      lines = backend.dryrun(conf);
    } catch (BadRequestException | ConsoleException e) {
      return new Result(400, form(frame, input, e.getMessage()));
    }
    String key = pending.put(conf);
    Html h = new Html();
    h.element("h1", "Dry run").line();
    Layout.facts(h, "Kind", kind(conf), "Application", appPath(conf), "User", conf.get("user.name"));
    h.element("p", "Nothing has been stored or run yet.", "class", "muted");
    h.element("pre", String.join("\n", lines), "class", "dryrun", "id", "dryrun-output").line();
    h.open("form", "method", "post", "action", "/submit/run", "class", "inline");
    h.empty("input", "type", "hidden", "name", "pending", "value", key);
    h.element("button", "Run", "type", "submit", "id", "run", "class", "primary");
    h.close("form");
    h.element("a", "Change the configuration", "href", "/submit", "class", "back");
    return new Result(200, Layout.page(frame, "Dry run", "submit", Layout.Live.NONE, h));
  }

  /** The page's status and HTML. */
  record Result(int status, String html) {
  }

  /** Submits (and starts) the dry-run configuration; returns the new job's id. */
  String run(ConsoleRequest request) throws IOException {
    Map<String, String> conf = pending.take(request.form("pending"));
    if (conf == null) {
      throw new ConsoleException(409, "This dry run has expired or was already submitted: dry-run it again");
    }
    return backend.submit(conf, true);
  }

  static Map<String, String> configuration(Input input, String upload) throws IOException {
    String text;
    String source;
    if (!upload.isBlank()) {
      text = upload;
      source = "the uploaded file";
    } else if (!input.text().isBlank()) {
      text = input.text();
      source = "the pasted text";
    } else if (!input.path().isBlank()) {
      Path path = Path.of(input.path().trim());
      if (!path.isAbsolute()) {
        throw new ConsoleException(400, "Invalid path, an absolute path on the daemon's machine is expected: "
            + input.path());
      }
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new ConsoleException(400, "Cannot read " + path + ": no such file");
      } catch (IOException e) {
        throw new ConsoleException(400, "Cannot read " + path + ": " + e.getMessage());
      }
      source = path.toString();
    } else {
      throw new ConsoleException(400, "Cannot submit nothing: give a job.properties path, upload one or paste it");
    }
    if (text.stripLeading().startsWith("<")) {
      throw new ConsoleException(400, "Invalid job configuration in " + source + ": the console takes job.properties"
          + " (name=value lines); submit a configuration XML with bin/oozie job -config");
    }
    Map<String, String> conf = properties(text);
    conf.putAll(properties(input.overrides()));
    return conf;
  }

  private static Map<String, String> properties(String text) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    Map<String, String> out = new LinkedHashMap<>();
    properties.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, properties.getProperty(k).trim()));
    return out;
  }

  private static String kind(Map<String, String> conf) {
    if (notBlank(conf.get(BUNDLE_APP_PATH))) {
      return "bundle";
    }
    return notBlank(conf.get(COORD_APP_PATH)) ? "coordinator" : "workflow";
  }

  private static String appPath(Map<String, String> conf) {
    for (String key : List.of(BUNDLE_APP_PATH, COORD_APP_PATH, WF_APP_PATH)) {
      if (notBlank(conf.get(key))) {
        return conf.get(key);
      }
    }
    return "";
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
