package dev.hadoopkit.workflow.server;

import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A test double of the scheduler: jobs in maps, controls that change their status like Oozie's (with 409s for
 * transitions Oozie refuses), every call recorded in {@link #calls}. Seeded with one workflow, one coordinator with
 * three actions and one bundle (ids {@link #WF}, {@link #COORD}, {@link #BUNDLE}).
 */
public final class InMemoryOozieBackend implements OozieBackend {
  public static final String WF = "0000001-260101000000000-hk-W";
  public static final String COORD = "0000002-260101000000000-hk-C";
  public static final String BUNDLE = "0000003-260101000000000-hk-B";
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  public final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Views.JobView> jobs = new LinkedHashMap<>();
  private final Map<String, String> definitions = new LinkedHashMap<>();
  private final List<Consumer<Views.Event>> listeners = new CopyOnWriteArrayList<>();
  private int seq = 3;
  public volatile RuntimeException failNext;
  public volatile String systemMode = "NORMAL";

  public InMemoryOozieBackend() {
    List<Views.WorkflowAction> actions = List.of(
        new Views.WorkflowAction(WF + "@:start:", ":start:", ":START:", "OK", 0, 0, 10, T0, T0, "mr-node", null,
            null, "OK", null, null, null, null),
        new Views.WorkflowAction(WF + "@mr-node", "mr-node", "map-reduce", "RUNNING", 1, 3, 10, T0.plusSeconds(1),
            null, null, null, "job_local_0001", "RUNNING", "http://localhost:8088/job_local_0001", null, null,
            "<map-reduce/>"));
    jobs.put(WF, new Views.WorkflowJob(WF, "daily-wf", "file:///apps/daily", "alice", "users", "RUNNING",
        COORD + "@2", Map.of("user.name", "alice", "oozie.wf.application.path", "file:///apps/daily"), T0, T0,
        null, T0.plusSeconds(5), 1, actions));
    definitions.put(WF, "<workflow-app name=\"daily-wf\" xmlns=\"uri:oozie:workflow:1.0\"/>");
    jobs.put(COORD, coord(COORD, "RUNNING", null, List.of(
        coordAction(COORD, 1, "SUCCEEDED", "0000009-260101000000000-hk-W", List.of(), null),
        coordAction(COORD, 2, "RUNNING", WF, List.of(), null),
        coordAction(COORD, 3, "WAITING", null, List.of("file:///data/2026/01/03/_SUCCESS",
            "file:///data/2026/01/04/_SUCCESS"), "missing input file:///data/2026/01/03/_SUCCESS"))));
    definitions.put(COORD, "<coordinator-app name=\"daily\"/>");
    jobs.put(BUNDLE, new Views.BundleJob(BUNDLE, "all", "file:///apps/bundle", "alice", "RUNNING",
        Map.of("user.name", "alice"), T0, T0, T0.plus(Duration.ofDays(30)), null, T0,
        List.of((Views.CoordJob) jobs.get(COORD))));
    definitions.put(BUNDLE, "<bundle-app name=\"all\"/>");
  }

  static Views.CoordJob coord(String id, String status, Instant pause, List<Views.CoordAction> actions) {
    return new Views.CoordJob(id, "daily", "file:///apps/coord", "alice", status, Map.of("user.name", "alice"),
        "1", "DAY", "UTC", 1, 120, "FIFO", 12, T0, T0.plus(Duration.ofDays(30)), pause,
        T0.plus(Duration.ofDays(3)), actions.size(), BUNDLE, T0, actions.size(), actions);
  }

  static Views.CoordAction coordAction(String coord, int n, String status, String externalId, List<String> missing,
      String waitReason) {
    Instant nominal = T0.plus(Duration.ofDays(n - 1));
    return new Views.CoordAction(coord + "@" + n, coord, n, status, externalId, externalId == null ? null : status,
        null, null, nominal, nominal, nominal.plusSeconds(60), missing, waitReason, "<configuration/>",
        "<coordinator-app/>", new Views.Sla(nominal.plusSeconds(600), nominal.plusSeconds(3600), 3_000_000L,
        false, n == 2, false));
  }

  /** Adds (or replaces) a job. */
  public synchronized void put(Views.JobView job) {
    jobs.put(job.id(), job);
  }

  public synchronized Views.JobView get(String id) {
    return jobs.get(id);
  }

  /** Delivers an event to every subscriber. */
  public void publish(Views.Event e) {
    for (Consumer<Views.Event> l : listeners) {
      l.accept(e);
    }
  }

  public int subscribers() {
    return listeners.size();
  }

  private void record(String call) {
    calls.add(call);
    RuntimeException f = failNext;
    if (f != null) {
      failNext = null;
      throw f;
    }
  }

  private Views.JobView job(String id) {
    JobType.ofId(id);
    Views.JobView j = jobs.get(id);
    if (j == null) {
      throw new NotFoundException("E0604: Job does not exist [" + id + "]");
    }
    return j;
  }

  @Override
  public synchronized String submit(Map<String, String> conf, boolean start) {
    record("submit " + start + " " + new java.util.TreeMap<>(conf));
    String id;
    if (conf.containsKey("oozie.coord.application.path")) {
      id = String.format("%07d-260101000000000-hk-C", ++seq);
      jobs.put(id, coord(id, start ? "RUNNING" : "PREP", null, List.of()));
    } else if (conf.containsKey("oozie.wf.application.path")) {
      id = String.format("%07d-260101000000000-hk-W", ++seq);
      jobs.put(id, new Views.WorkflowJob(id, conf.getOrDefault("hk.name", "submitted"),
          conf.get("oozie.wf.application.path"), conf.get("user.name"), null, start ? "RUNNING" : "PREP", null,
          Map.copyOf(conf), Instant.now(), start ? Instant.now() : null, null, Instant.now(), 0, List.of()));
    } else {
      throw new BadRequestException("E0405", "Submission request doesn't have any application or lib path");
    }
    definitions.put(id, "<app/>");
    return id;
  }

  @Override
  public synchronized void start(String id) {
    record("start " + id);
    Views.JobView j = job(id);
    if (!j.status().equals("PREP")) {
      throw new ConflictException("E0801", "Workflow [" + id + "] could not be started, status is " + j.status());
    }
    jobs.put(id, withStatus(j, "RUNNING"));
  }

  @Override
  public synchronized Views.JobView info(String id, int offset, int len, Map<String, List<String>> filter) {
    record("info " + id + " " + offset + " " + len + " " + filter);
    Views.JobView j = job(id);
    if (j instanceof Views.CoordJob c) {
      List<Views.CoordAction> matching = new ArrayList<>();
      for (Views.CoordAction a : c.actions()) {
        List<String> statuses = filter.get("status");
        if (statuses == null || statuses.contains(a.status())) {
          matching.add(a);
        }
      }
      int from = Math.min(offset - 1, matching.size());
      int to = (int) Math.min((long) from + len, matching.size());
      return new Views.CoordJob(c.id(), c.name(), c.appPath(), c.user(), c.status(), c.conf(), c.frequency(),
          c.timeUnit(), c.timeZone(), c.concurrency(), c.timeout(), c.executionPolicy(), c.throttle(), c.startTime(),
          c.endTime(), c.pauseTime(), c.nextMaterializedTime(), c.lastActionNumber(), c.bundleId(), c.createdTime(),
          c.totalActions(), List.copyOf(matching.subList(from, to)));
    }
    return j;
  }

  @Override
  public synchronized Object action(String actionId) {
    record("action " + actionId);
    String jobId = actionId.substring(0, actionId.indexOf('@'));
    Views.JobView j = job(jobId);
    if (j instanceof Views.CoordJob c) {
      return c.actions().stream().filter(a -> a.id().equals(actionId)).findFirst()
          .orElseThrow(() -> new NotFoundException("E0605: Action does not exist [" + actionId + "]"));
    }
    if (j instanceof Views.WorkflowJob w) {
      return w.actions().stream().filter(a -> a.id().equals(actionId)).findFirst()
          .orElseThrow(() -> new NotFoundException("E0605: Action does not exist [" + actionId + "]"));
    }
    throw new NotFoundException("no action " + actionId);
  }

  @Override
  public synchronized String definition(String id) {
    record("definition " + id);
    job(id);
    return definitions.get(id);
  }

  @Override
  public synchronized String log(String id) {
    record("log " + id);
    job(id);
    return "2026-01-01 00:00:00,000 INFO [" + id + "] started\n2026-01-01 00:00:01,000 INFO [" + id + "] running\n";
  }

  @Override
  public synchronized String graph(String id) {
    record("graph " + id);
    job(id);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>" + id + "</text></svg>";
  }

  @Override
  public synchronized Views.Page<Views.JobView> jobs(JobType type, Map<String, List<String>> filter, int offset,
      int len) {
    record("jobs " + type + " " + filter + " " + offset + " " + len);
    List<Views.JobView> matching = new ArrayList<>();
    for (Views.JobView j : jobs.values()) {
      if (JobType.ofId(j.id()) != type) {
        continue;
      }
      List<String> statuses = filter.get("status");
      List<String> names = filter.get("name");
      if (statuses != null && !statuses.contains(j.status())) {
        continue;
      }
      if (names != null && !names.contains(name(j))) {
        continue;
      }
      matching.add(j);
    }
    int from = Math.min(offset - 1, matching.size());
    int to = (int) Math.min((long) from + len, matching.size());
    return new Views.Page<>(List.copyOf(matching.subList(from, to)), matching.size(), offset, len);
  }

  private static String name(Views.JobView j) {
    if (j instanceof Views.WorkflowJob w) {
      return w.appName();
    }
    if (j instanceof Views.CoordJob c) {
      return c.name();
    }
    return ((Views.BundleJob) j).name();
  }

  @Override
  public synchronized void suspend(String id, ActionSelection selection) {
    record("suspend " + id + " " + selection);
    transition(id, "RUNNING", "SUSPENDED", "suspended");
  }

  @Override
  public synchronized void resume(String id, ActionSelection selection) {
    record("resume " + id + " " + selection);
    transition(id, "SUSPENDED", "RUNNING", "resumed");
  }

  /** Moves a job from status {@code from} to {@code to}; Oozie's E1100 when it is not {@code from}. */
  private void transition(String id, String from, String to, String done) {
    Views.JobView j = job(id);
    if (!j.status().equals(from)) {
      throw new ConflictException("E1100", "Command precondition does not hold before execution, [job " + id
          + " is " + j.status() + ", only a " + from + " job can be " + done + "]");
    }
    jobs.put(id, withStatus(j, to));
  }

  @Override
  public synchronized void kill(String id, ActionSelection selection) {
    record("kill " + id + " " + selection);
    Views.JobView j = job(id);
    if (j instanceof Views.CoordJob c && !selection.isAll()) {
      List<Views.CoordAction> actions = new ArrayList<>();
      for (Views.CoordAction a : c.actions()) {
        actions.add(Params.selects(selection, a) ? withStatus(a, "KILLED") : a);
      }
      jobs.put(id, coordWithActions(c, actions));
      return;
    }
    if (List.of("SUCCEEDED", "KILLED", "FAILED").contains(j.status())) {
      throw new ConflictException("E0725", "Workflow instance can not be killed, " + id + ", Error Code: "
          + j.status());
    }
    jobs.put(id, withStatus(j, "KILLED"));
  }

  @Override
  public synchronized void change(String id, Map<String, String> values) {
    record("change " + id + " " + values);
    Views.JobView j = job(id);
    if (!(j instanceof Views.CoordJob)) {
      throw new BadRequestException("E1017", "change is for coordinators");
    }
    for (String k : values.keySet()) {
      if (!List.of("endtime", "concurrency", "pausetime", "status").contains(k)) {
        throw new BadRequestException("E1015", "Invalid coordinator job attribute, " + k);
      }
    }
  }

  @Override
  public synchronized List<Views.CoordAction> coordRerun(String id, ActionSelection selection, boolean refresh,
      boolean noCleanup, boolean failed) {
    record("coordRerun " + id + " " + selection + " " + refresh + " " + noCleanup + " " + failed);
    Views.JobView j = job(id);
    if (j instanceof Views.BundleJob) {
      return List.of();
    }
    Views.CoordJob c = (Views.CoordJob) j;
    List<Views.CoordAction> rerun = new ArrayList<>();
    List<Views.CoordAction> all = new ArrayList<>();
    for (Views.CoordAction a : c.actions()) {
      if (Params.selects(selection, a)) {
        Views.CoordAction w = withStatus(a, "WAITING");
        rerun.add(w);
        all.add(w);
      } else {
        all.add(a);
      }
    }
    if (rerun.isEmpty()) {
      throw new BadRequestException("E1018", "Coord Job Rerun Error: no action in scope " + selection.scope());
    }
    jobs.put(id, coordWithActions(c, all));
    return rerun;
  }

  @Override
  public synchronized void rerunWorkflow(String id, Map<String, String> conf) {
    record("rerunWorkflow " + id + " " + new java.util.TreeMap<>(conf));
    Views.JobView j = job(id);
    jobs.put(id, withStatus(j, "RUNNING"));
  }

  @Override
  public synchronized List<Views.CoordAction> ignore(String id, ActionSelection selection) {
    record("ignore " + id + " " + selection);
    Views.CoordJob c = (Views.CoordJob) job(id);
    List<Views.CoordAction> ignored = new ArrayList<>();
    for (Views.CoordAction a : c.actions()) {
      if (Params.selects(selection, a)) {
        ignored.add(withStatus(a, "IGNORED"));
      }
    }
    return ignored;
  }

  @Override
  public synchronized List<String> dryrun(Map<String, String> conf) {
    record("dryrun " + new java.util.TreeMap<>(conf));
    if (conf.containsKey("oozie.coord.application.path")) {
      return List.of("<coordinator-app name=\"daily\"/>", "action for new instance",
          "<coordinator-app action=\"1\"/>", "action for new instance", "<coordinator-app action=\"2\"/>");
    }
    return List.of("plan: start -> mr-node -> end");
  }

  @Override
  public Views.Metrics metrics() {
    record("metrics");
    return new Views.Metrics(2, 5, 1, 3, new long[] {100, 1000, 10000}, new long[] {4, 2, 1}, 2500.5, 8, 42, 17);
  }

  @Override
  public AutoCloseable subscribe(Consumer<Views.Event> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public String systemMode() {
    return systemMode;
  }

  static Views.JobView withStatus(Views.JobView j, String status) {
    if (j instanceof Views.WorkflowJob w) {
      return new Views.WorkflowJob(w.id(), w.appName(), w.appPath(), w.user(), w.group(), status, w.parentId(),
          w.conf(), w.createdTime(), w.startTime(), w.endTime(), Instant.now(), w.run(), w.actions());
    }
    if (j instanceof Views.CoordJob c) {
      return new Views.CoordJob(c.id(), c.name(), c.appPath(), c.user(), status, c.conf(), c.frequency(),
          c.timeUnit(), c.timeZone(), c.concurrency(), c.timeout(), c.executionPolicy(), c.throttle(), c.startTime(),
          c.endTime(), c.pauseTime(), c.nextMaterializedTime(), c.lastActionNumber(), c.bundleId(), c.createdTime(),
          c.totalActions(), c.actions());
    }
    Views.BundleJob b = (Views.BundleJob) j;
    return new Views.BundleJob(b.id(), b.name(), b.appPath(), b.user(), status, b.conf(), b.kickoffTime(),
        b.startTime(), b.endTime(), b.pauseTime(), b.createdTime(), b.coordinators());
  }

  static Views.CoordAction withStatus(Views.CoordAction a, String status) {
    return new Views.CoordAction(a.id(), a.jobId(), a.actionNumber(), status, a.externalId(), a.externalStatus(),
        a.errorCode(), a.errorMessage(), a.createdTime(), a.nominalTime(), Instant.now(), a.missingDependencies(),
        a.waitReason(), a.runConf(), a.actionXml(), a.sla());
  }

  static Views.CoordJob coordWithActions(Views.CoordJob c, List<Views.CoordAction> actions) {
    return new Views.CoordJob(c.id(), c.name(), c.appPath(), c.user(), c.status(), c.conf(), c.frequency(),
        c.timeUnit(), c.timeZone(), c.concurrency(), c.timeout(), c.executionPolicy(), c.throttle(), c.startTime(),
        c.endTime(), c.pauseTime(), c.nextMaterializedTime(), c.lastActionNumber(), c.bundleId(), c.createdTime(),
        c.totalActions(), List.copyOf(actions));
  }
}
