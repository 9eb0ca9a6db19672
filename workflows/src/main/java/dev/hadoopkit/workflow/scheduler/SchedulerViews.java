package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.CoordinatorMaterializer;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.Views;
import dev.hadoopkit.workflow.state.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Snapshots of jobs for the REST layer, secrets masked. Coordinator snapshots are taken on the scheduler thread. */
final class SchedulerViews {
  private final Scheduler scheduler;
  private final SchedulerState state;
  private final WorkflowEngine engine;
  private final WorkflowSummaries workflows;

  SchedulerViews(Scheduler scheduler, SchedulerState state, WorkflowEngine engine) {
    this.scheduler = scheduler;
    this.state = state;
    this.engine = engine;
    this.workflows = new WorkflowSummaries(engine.store(), 10_000);
    scheduler.subscribe(event -> {
      if (event.kind().startsWith("workflow")) {
        workflows.invalidate(event.jobId());
      }
    });
  }

  Views.JobView info(String id, int offset, int len, Map<String, List<String>> filter) {
    return switch (JobType.ofId(id)) {
      case WF -> page(workflow(id), offset, len);
      case COORDINATOR -> scheduler.call(() -> {
        CoordinatorJob job = state.coordinators.get(id);
        if (job == null) {
          throw new NotFoundException("no coordinator job " + id);
        }
        return coordinator(job, offset, len, filter);
      });
      case BUNDLE -> scheduler.call(() -> {
        BundleJob job = state.bundles.get(id);
        if (job == null) {
          throw new NotFoundException("no bundle job " + id);
        }
        return bundle(job);
      });
    };
  }

  /** {@code -info <wf> -offset 2 -len 3}: a page of the run's actions (1-based), as Oozie pages them. */
  private static Views.WorkflowJob page(Views.WorkflowJob job, int offset, int len) {
    List<Views.WorkflowAction> all = job.actions();
    int from = Math.min(all.size(), Math.max(0, offset - 1));
    int to = len <= 0 ? all.size() : (int) Math.min(all.size(), (long) from + len);
    if (from == 0 && to == all.size()) {
      return job;
    }
    return new Views.WorkflowJob(job.id(), job.appName(), job.appPath(), job.user(), job.group(), job.status(),
        job.parentId(), job.conf(), job.createdTime(), job.startTime(), job.endTime(), job.lastModifiedTime(),
        job.run(), List.copyOf(all.subList(from, to)));
  }

  Object action(String actionId) {
    int at = actionId.indexOf('@');
    if (at < 0) {
      throw new BadRequestException("E0604", "an action id is <job id>@<action>: " + actionId);
    }
    String jobId = actionId.substring(0, at);
    String name = actionId.substring(at + 1);
    if (JobType.ofId(jobId) == JobType.WF) {
      Views.WorkflowJob job = workflow(jobId);
      return job.actions().stream().filter(a -> a.name().equals(name)).findFirst()
          .orElseThrow(() -> new NotFoundException("workflow " + jobId + " has no action " + name));
    }
    int number;
    try {
      number = Integer.parseInt(name);
    } catch (NumberFormatException e) {
      throw new BadRequestException("E0604", "a coordinator action id ends in @<number>: " + actionId);
    }
    return scheduler.call(() -> {
      CoordinatorJob job = state.coordinators.get(jobId);
      if (job == null || !job.actions.containsKey(number)) {
        throw new NotFoundException("no coordinator action " + actionId);
      }
      return action(job, job.actions.get(number), scheduler.now());
    });
  }

  List<Views.CoordAction> actions(String jobId, List<Integer> numbers) {
    return scheduler.call(() -> {
      CoordinatorJob job = state.coordinators.get(jobId);
      List<Views.CoordAction> out = new ArrayList<>();
      if (job != null) {
        for (int number : numbers) {
          out.add(action(job, job.actions.get(number), scheduler.now()));
        }
      }
      return out;
    });
  }

  Views.WorkflowJob workflow(String id) {
    return WorkflowViews.workflow(engine, id, state.hadoop());
  }

  private static int number(String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0; // an EL retry count: resolved at run time
    }
  }

  private static Instant instant(long millis) {
    return millis <= 0 ? null : Instant.ofEpochMilli(millis);
  }

  Views.CoordJob coordinator(CoordinatorJob job, int offset, int len, Map<String, List<String>> filter) {
    List<String> statuses = new ArrayList<>();
    for (String status : filter.getOrDefault("status", List.of())) {
      statuses.add(status.toUpperCase(Locale.ROOT));
    }
    long now = scheduler.now();
    List<Views.CoordAction> page = new ArrayList<>();
    int matched = 0;
    int first = Math.max(1, offset);
    for (CoordAction action : job.actions.values()) {
      if (!statuses.isEmpty() && !statuses.contains(action.status.name())) {
        continue;
      }
      matched++;
      if (matched >= first && page.size() < len) {
        page.add(action(job, action, now));
      }
    }
    Secrets secrets = Secrets.of(job.conf);
    var definition = job.definition;
    Instant next = null;
    if (definition != null && job.materialized < job.totalActions()) {
      next = job.times.time(job.materialized + 1).orElse(null);
    }
    return new Views.CoordJob(job.id, job.name, job.appPath, job.user, job.status.name(), secrets.maskConf(job.conf),
        definition == null ? null : definition.frequency().oozieFrequency(),
        definition == null ? null : definition.frequency().oozieTimeUnit(),
        definition == null ? null : definition.timezone().getId(), job.concurrency,
        definition == null ? 0 : (int) definition.controls().timeoutMinutes(),
        definition == null ? null : definition.controls().execution().name(),
        definition == null ? 0 : definition.controls().throttle(),
        definition == null ? null : definition.start(), job.endTime, job.pauseTime, next, job.materialized,
        job.bundleId, Instant.ofEpochMilli(job.createdTime), matched, page);
  }

  Views.CoordAction action(CoordinatorJob job, CoordAction action, long now) {
    Views.Sla sla = null;
    if (job.materializer != null && job.definition.sla() != null) {
      try {
        var materialized = action.materialized != null ? action.materialized
            : job.materializer.action(action.number).orElse(null);
        if (materialized != null) {
          sla = sla(job.materializer, materialized, action, now);
        }
      } catch (RuntimeException ignored) {
        // an SLA that cannot be computed is shown as none
      }
    }
    String wait = action.status.isPending() ? waitReason(job, action) : null;
    Secrets secrets = Secrets.of(job.conf);
    return new Views.CoordAction(job.id + "@" + action.number, job.id, action.number, action.status.name(),
        action.workflowId, null,
        action.errorCode, action.message == null ? null : secrets.mask(action.message),
        Instant.ofEpochMilli(action.createdTime), action.nominalTime, Instant.ofEpochMilli(action.lastModified),
        action.missing, wait, null, null, sla);
  }

  private String waitReason(CoordinatorJob job, CoordAction action) {
    if (job.status == JobStatus.SUSPENDED) {
      return "coordinator is SUSPENDED";
    }
    if (action.waitReason != null) {
      return action.waitReason;
    }
    return action.status == ActionStatus.WAITING ? "inputs not checked yet" : "about to start";
  }

  private static Views.Sla sla(CoordinatorMaterializer materializer,
      dev.hadoopkit.workflow.coord.MaterializedAction materialized, CoordAction action, long now) {
    var times = materializer.sla(materialized).orElse(null);
    if (times == null) {
      return null;
    }
    long started = action.startedTime;
    long ended = action.status.isTerminal() ? action.endedTime : 0;
    boolean startMiss = times.shouldStart() != null
        && (started > 0 ? started > times.shouldStart().toEpochMilli() : now > times.shouldStart().toEpochMilli());
    boolean endMiss = times.shouldEnd() != null
        && (ended > 0 ? ended > times.shouldEnd().toEpochMilli() : now > times.shouldEnd().toEpochMilli());
    Duration max = times.maxDuration();
    boolean durationMiss = max != null && started > 0
        && ((ended > 0 ? ended : now) - started) > max.toMillis();
    return new Views.Sla(times.shouldStart(), times.shouldEnd(), max == null ? null : max.toMillis(), startMiss,
        endMiss, durationMiss);
  }

  Views.BundleJob bundle(BundleJob job) {
    List<Views.CoordJob> coordinators = new ArrayList<>();
    for (String id : job.coordinators.values()) {
      CoordinatorJob coordinator = state.coordinators.get(id);
      if (coordinator != null) {
        coordinators.add(coordinator(coordinator, 1, 0, Map.of()));
      }
    }
    Secrets secrets = Secrets.of(job.conf);
    return new Views.BundleJob(job.id, job.name, job.appPath, job.user, job.status.name(), secrets.maskConf(job.conf),
        job.definition == null ? null : job.definition.kickOffTime(),
        job.startedTime == 0 ? null : Instant.ofEpochMilli(job.startedTime), null, null,
        Instant.ofEpochMilli(job.createdTime), coordinators);
  }

  /** The {@code -filter} names {@link #jobs} understands. */
  static final List<String> JOBS_FILTER_NAMES = List.of("status", "name", "user");

  Views.Page<Views.JobView> jobs(JobType type, Map<String, List<String>> filter, int offset, int len) {
    for (String name : filter.keySet()) {
      // an ignored name would select every job, and `jobs -kill -filter nmae=x` would kill them all
      if (!JOBS_FILTER_NAMES.contains(name)) {
        throw new BadRequestException("E0420", "Invalid jobs filter [" + name + "]: this daemon filters by "
            + String.join(", ", JOBS_FILTER_NAMES) + " (e.g. -filter 'status=RUNNING;name=daily')");
      }
    }
    List<String> statuses = filter.getOrDefault("status", List.of()).stream()
        .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    List<String> names = filter.getOrDefault("name", List.of());
    List<String> users = filter.getOrDefault("user", List.of());
    List<Views.JobView> matches = new ArrayList<>();
    if (type == JobType.WF) {
      for (Views.WorkflowJob job : workflows.newestFirst()) { // newest first, as Oozie lists
        if (matches(job.status(), job.appName(), job.user(), statuses, names, users)) {
          matches.add(job);
        }
      }
    } else {
      matches.addAll(scheduler.call(() -> {
        List<Views.JobView> out = new ArrayList<>();
        if (type == JobType.COORDINATOR) {
          for (CoordinatorJob job : state.coordinators.values()) {
            if (matches(job.status.name(), job.name, job.user, statuses, names, users)) {
              out.add(0, coordinator(job, 1, 0, Map.of()));
            }
          }
        } else {
          for (BundleJob job : state.bundles.values()) {
            if (matches(job.status.name(), job.name, job.user, statuses, names, users)) {
              out.add(0, bundle(job));
            }
          }
        }
        return out;
      }));
    }
    int from = Math.min(matches.size(), Math.max(0, offset - 1));
    int to = Math.min(matches.size(), from + Math.max(0, len));
    return new Views.Page<>(new ArrayList<>(matches.subList(from, to)), matches.size(), offset, len);
  }

  private static boolean matches(String status, String name, String user, List<String> statuses,
      List<String> names, List<String> users) {
    return (statuses.isEmpty() || statuses.contains(status)) && (names.isEmpty() || names.contains(name))
        && (users.isEmpty() || users.contains(user));
  }

  String log(String id) {
    if (JobType.ofId(id) == JobType.WF) {
      if (!engine.store().exists(id)) {
        throw new NotFoundException("no workflow job " + id);
      }
      try {
        return workflowLog(id);
      } catch (IOException e) {
        throw new NotFoundException("no log for " + id + ": " + e.getMessage());
      }
    }
    List<String> workflowIds = scheduler.call(() -> {
      List<String> out = new ArrayList<>();
      CoordinatorJob job = state.coordinators.get(id);
      if (job == null && !state.bundles.containsKey(id)) {
        throw new NotFoundException("no job " + id);
      }
      if (job != null) {
        for (CoordAction action : job.actions.values()) {
          if (action.workflowId != null) {
            out.add(action.workflowId);
          }
        }
      }
      return out;
    });
    StringBuilder text = new StringBuilder();
    for (String workflowId : workflowIds) {
      try {
        text.append(workflowLog(workflowId));
      } catch (IOException ignored) {
        // not started yet
      }
    }
    return text.toString();
  }

  /** Cap on each action output file in a log (its end is kept). */
  private static final int OUTPUT_TAIL = 4000;

  /**
   * What {@code bin/workflow log} prints: the run's transitions, then each action's non-empty stdout/stderr (the
   * last {@value #OUTPUT_TAIL} characters) — without them a shell action's output is nowhere to be seen through
   * the daemon. Masked again here: the files of a still running action have not been scrubbed yet.
   */
  private String workflowLog(String id) throws IOException {
    Secrets secrets = Secrets.of(engine.store().load(id).info().conf());
    Path dir = engine.store().runDir(id);
    StringBuilder text = new StringBuilder();
    Path log = dir.resolve("run.log");
    if (Files.exists(log)) {
      text.append(secrets.mask(Files.readString(log, StandardCharsets.UTF_8)));
    }
    Path actions = dir.resolve("actions");
    if (Files.isDirectory(actions)) {
      List<Path> outputs;
      try (var files = Files.walk(actions)) {
        outputs = files.filter(f -> Files.isRegularFile(f) && (f.getFileName().toString().equals("stdout")
            || f.getFileName().toString().equals("stderr"))).sorted().toList();
      }
      for (Path file : outputs) {
        String output = secrets.mask(Files.readString(file, StandardCharsets.UTF_8)).stripTrailing();
        if (output.isEmpty()) {
          continue;
        }
        text.append("---- ").append(id).append(' ').append(dir.relativize(file)).append('\n');
        text.append(output.length() > OUTPUT_TAIL ? "…" + output.substring(output.length() - OUTPUT_TAIL) : output)
            .append('\n');
      }
    }
    return text.toString();
  }
}
