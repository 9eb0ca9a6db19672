package dev.hadoopkit.workflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.scheduler.WorkflowViews;
import dev.hadoopkit.workflow.server.OozieJson;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answers of Oozie's REST API for workflow runs, computed from the embedded engine's state directory (no daemon):
 * the same JSON the daemon sends, so {@link OozieFormat} prints the same text either way.
 */
final class LocalOozie {
  /** The {@code -filter} names for workflows (the daemon's too). */
  static final List<String> FILTER_NAMES = List.of("status", "name", "user");

  private LocalOozie() {
  }

  /** {@code show=info} of a workflow run, its actions paged ({@code offset} 1-based; {@code len} ≤ 0: all). */
  static JsonNode info(WorkflowEngine engine, String id, int offset, int len) throws IOException {
    Views.WorkflowJob job = view(engine, id);
    List<Views.WorkflowAction> all = job.actions();
    int from = Math.min(all.size(), Math.max(0, offset - 1));
    int to = len <= 0 ? all.size() : (int) Math.min(all.size(), (long) from + len);
    job = new Views.WorkflowJob(job.id(), job.appName(), job.appPath(), job.user(), job.group(), job.status(),
        job.parentId(), job.conf(), job.createdTime(), job.startTime(), job.endTime(), job.lastModifiedTime(),
        job.run(), List.copyOf(all.subList(from, to)));
    return OozieJson.workflow(job, x -> null);
  }

  private static Views.WorkflowJob view(WorkflowEngine engine, String id) throws IOException {
    if (!engine.store().exists(id)) {
      throw new IOException(engine.store().noSuchRun(id));
    }
    try {
      return WorkflowViews.workflow(engine, id, engine.baseConf());
    } catch (NotFoundException e) {
      throw new IOException(engine.store().noSuchRun(id) + ": " + e.getMessage(), e);
    }
  }

  /** {@code GET /jobs?jobtype=wf}: runs newest first, filtered as Oozie filters (values of one name are OR-ed). */
  static JsonNode jobs(WorkflowEngine engine, Map<String, List<String>> filter, int offset, int len)
      throws IOException {
    List<String> statuses = filter.getOrDefault("status", List.of()).stream()
        .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    List<String> names = filter.getOrDefault("name", List.of());
    List<String> users = filter.getOrDefault("user", List.of());
    List<String> ids = new ArrayList<>(engine.store().ids());
    java.util.Collections.reverse(ids);
    List<Views.JobView> matches = new ArrayList<>();
    for (String id : ids) {
      Views.WorkflowJob job;
      try {
        job = view(engine, id);
      } catch (IOException e) {
        continue; // a directory being created, or not a run
      }
      if ((statuses.isEmpty() || statuses.contains(job.status())) && (names.isEmpty() || names.contains(
          job.appName())) && (users.isEmpty() || users.contains(job.user()))) {
        matches.add(new Views.WorkflowJob(job.id(), job.appName(), job.appPath(), job.user(), job.group(),
            job.status(), job.parentId(), Map.of(), job.createdTime(), job.startTime(), job.endTime(),
            job.lastModifiedTime(), job.run(), List.of()));
      }
    }
    int from = Math.min(matches.size(), Math.max(0, offset - 1));
    int to = Math.min(matches.size(), from + Math.max(0, len));
    return OozieJson.listing(JobType.WF, new Views.Page<>(new ArrayList<>(matches.subList(from, to)),
        matches.size(), offset, len), x -> null);
  }

  /** Oozie's {@code -filter name=value;name=value}; an unknown name is refused (it would select every job). */
  static Map<String, List<String>> filter(String text) throws UsageException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("-filter " + text + ": '" + part + "' is not name=value (e.g. -filter"
            + " 'status=RUNNING;name=daily')");
      }
      String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (!FILTER_NAMES.contains(name)) {
        throw new UsageException("E0420: invalid jobs filter [" + name + "]: workflows are filtered by "
            + String.join(", ", FILTER_NAMES) + " (e.g. -filter 'status=RUNNING;name=daily')");
      }
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(part.substring(eq + 1).trim());
    }
    return out;
  }
}
