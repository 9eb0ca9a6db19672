package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.server.api.Views;
import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workflow runs of the state directory for listings (REST {@code jobs}, the console): one summary per run,
 * read again only when its journal changed (size or modification time), so listing 10,000 runs costs 10,000
 * {@code stat}s rather than 10,000 journal replays. Runs of other engines sharing the directory are included.
 */
final class WorkflowSummaries {
  private record Entry(long size, long modified, Views.WorkflowJob job) {
  }

  private final RunStore store;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  WorkflowSummaries(RunStore store) {
    this.store = store;
  }

  /** Every readable run, newest first, without its actions or configuration (the job's own info has them). */
  List<Views.WorkflowJob> newestFirst() {
    List<String> ids;
    try {
      ids = new ArrayList<>(store.ids());
    } catch (IOException e) {
      return List.of();
    }
    Collections.reverse(ids);
    List<Views.WorkflowJob> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      Views.WorkflowJob job = summary(id);
      if (job != null) {
        out.add(job);
      }
    }
    cache.keySet().retainAll(new java.util.HashSet<>(ids));
    return out;
  }

  private Views.WorkflowJob summary(String id) {
    Path journal = store.runDir(id).resolve(Journal.FILE_NAME);
    try {
      BasicFileAttributes attributes = Files.readAttributes(journal, BasicFileAttributes.class);
      long size = attributes.size();
      long modified = attributes.lastModifiedTime().toMillis();
      Entry entry = cache.get(id);
      if (entry != null && entry.size() == size && entry.modified() == modified) {
        return entry.job();
      }
      RunState run = store.load(id);
      Views.WorkflowJob job = new Views.WorkflowJob(id, run.name(), run.appPath(), run.user(), "users",
          run.status().name(), run.parent(), Map.of(), instant(run.createdTime()), instant(run.createdTime()),
          instant(run.endTime()), instant(Math.max(modified, run.createdTime())), run.run(), List.of());
      cache.put(id, new Entry(size, modified, job));
      return job;
    } catch (IOException | RuntimeException e) {
      return null; // a run being created, or unreadable: its own info says why
    }
  }

  private static Instant instant(long millis) {
    return millis <= 0 ? null : Instant.ofEpochMilli(millis);
  }
}
