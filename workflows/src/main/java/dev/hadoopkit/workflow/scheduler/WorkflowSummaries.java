package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.server.api.Views;
import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.RunInfo;
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
 * read again only when its journal changed (size or modification time). A run that has not ended is looked at on
 * every listing; an ended one changes only by a rerun, which the daemon hears of ({@link #invalidate}) when it runs
 * it, so ended runs are checked again in a rotating batch per listing (catching reruns by other engines sharing
 * the directory within a few listings) — listing 10,000 runs costs a directory read, not 10,000 {@code stat}s.
 */
final class WorkflowSummaries {
  private static final int ENDED_CHECKS_PER_LISTING = 256;

  private record Entry(long size, long modified, boolean ended, long checked, Views.WorkflowJob job) {
  }

  private final RunStore store;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private final long endedRecheckMillis;

  /** {@code endedRecheckMillis}: how long an ended run's summary is trusted without looking at its journal. */
  WorkflowSummaries(RunStore store, long endedRecheckMillis) {
    this.store = store;
    this.endedRecheckMillis = endedRecheckMillis;
  }

  /** The run changed (the daemon drives it): read it again on the next listing. */
  void invalidate(String id) {
    cache.remove(id);
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
    long now = System.currentTimeMillis();
    int endedChecks = ENDED_CHECKS_PER_LISTING;
    for (String id : ids) {
      Entry entry = cache.get(id);
      if (entry != null && entry.ended() && (endedChecks <= 0 || now - entry.checked() < endedRecheckMillis)) {
        out.add(entry.job());
        continue;
      }
      if (entry != null && entry.ended()) {
        endedChecks--;
      }
      Views.WorkflowJob job = summary(id, now);
      if (job != null) {
        out.add(job);
      }
    }
    cache.keySet().retainAll(new java.util.HashSet<>(ids));
    return out;
  }

  private Views.WorkflowJob summary(String id, long now) {
    Path journal = store.runDir(id).resolve(Journal.FILE_NAME);
    try {
      BasicFileAttributes attributes = Files.readAttributes(journal, BasicFileAttributes.class);
      long size = attributes.size();
      long modified = attributes.lastModifiedTime().toMillis();
      Entry entry = cache.get(id);
      if (entry != null && entry.size() == size && entry.modified() == modified) {
        cache.put(id, new Entry(size, modified, entry.ended(), now, entry.job()));
        return entry.job();
      }
      RunState run = store.load(id);
      RunInfo info = run.info();
      Views.WorkflowJob job = new Views.WorkflowJob(id, info.name(), info.appPath(), info.user(), "users",
          info.status().name(), info.parent(), Map.of(), instant(info.createdTime()), instant(info.createdTime()),
          instant(info.endTime()), instant(Math.max(modified, info.createdTime())), info.run(), List.of());
      cache.put(id, new Entry(size, modified, info.status().isTerminal(), now, job));
      return job;
    } catch (IOException | RuntimeException e) {
      return null; // a run being created, or unreadable: its own info says why
    }
  }

  private static Instant instant(long millis) {
    return millis <= 0 ? null : Instant.ofEpochMilli(millis);
  }
}
