package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.action.Cancellation;
import dev.hadoopkit.workflow.action.SubWorkflowRunner;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;

/**
 * The embedded workflow engine: submits runs (journal + copy of workflow.xml under the state directory), drives them
 * to their end ({@link RunDriver}), resumes them after a crash, reruns and kills them. No server: the engine runs in
 * the process of the command that uses it; the journal is what outlives it.
 */
public final class WorkflowEngine {
  private final EngineSettings settings;
  private final ActionRegistry registry;
  private final RunStore store;
  private final WorkflowParser parser;
  private final ElEvaluator el;
  private final Configuration base;
  private final PrintStream messages;
  private final Map<List<String>, Configuration> runConfs = new java.util.concurrent.ConcurrentHashMap<>();
  private final EngineStop stop = new EngineStop();

  public WorkflowEngine(EngineSettings settings, ActionRegistry registry, Configuration base, PrintStream messages) {
    this.settings = settings;
    this.registry = registry;
    this.store = new RunStore(settings.stateDir(), settings.journalSync());
    this.parser = new WorkflowParser();
    this.el = new ElEvaluator();
    this.base = base;
    this.messages = messages;
  }

  public EngineSettings settings() {
    return settings;
  }

  public RunStore store() {
    return store;
  }

  public WorkflowParser parser() {
    return parser;
  }

  public ElEvaluator el() {
    return el;
  }

  public Configuration baseConf() {
    return base;
  }

  ActionRegistry registry() {
    return registry;
  }

  EngineStop stop() {
    return stop;
  }

  public Submission prepare(Map<String, String> jobProperties, Map<String, String> overrides, String appPath)
      throws WorkflowException {
    return Submission.prepare(jobProperties, overrides, appPath, this::runConf, parser, el);
  }

  /**
   * The Hadoop configuration for a run with these job properties, shared by every run with the same nameNode,
   * resourceManager and jobTracker (the only properties {@link HadoopConfs#forRun} reads). Copying the base
   * configuration (every Hadoop property and where it came from) was a third of a run's CPU in the daemon, paid twice
   * per run. Sharing is safe because a run's configuration is read-only already: {@code RunDriver} hands it to
   * executors as is, and every executor that sets a property copies it first (JobConf, DistCp).
   */
  Configuration runConf(Map<String, String> jobProperties) {
    List<String> key = Arrays.asList(jobProperties.get("nameNode"), jobProperties.get("resourceManager"),
        jobProperties.get("jobTracker"));
    Configuration known = runConfs.get(key);
    if (known != null) {
      return known;
    }
    if (runConfs.size() >= 64) {
      runConfs.clear(); // many distinct clusters: keep the cache small rather than complete
    }
    Configuration conf = HadoopConfs.forRun(base, jobProperties);
    Configuration raced = runConfs.putIfAbsent(key, conf);
    return raced != null ? raced : conf;
  }

  /** Records a new run (status PREP) and returns its id. */
  public String submit(Submission submission, String parentId, RunListener listener) throws IOException {
    String id = store.newRun(settings.clock().millis());
    submitAs(id, submission, parentId, listener);
    return id;
  }

  /**
   * Records a new run under an id taken earlier with {@link RunStore#newRun} (a scheduler journals the id of a
   * coordinator action's workflow before the workflow exists, so a crash in between cannot start it twice).
   */
  public void submitAs(String id, Submission submission, String parentId, RunListener listener) throws IOException {
    long now = settings.clock().millis();
    Path dir = store.runDir(id);
    Files.createDirectories(dir);
    Files.write(dir.resolve("workflow.xml"), submission.app().workflowXml());
    Files.writeString(dir.resolve("source"), submission.app().workflowFile() + "\n", StandardCharsets.UTF_8);
    JournalRecord record = JournalRecord.submitted(now, id, submission.app().dir(), submission.name(),
        submission.conf().getOrDefault("user.name", System.getProperty("user.name")),
        store.seal(submission.conf()), parentId);
    try (Journal journal = store.journal(id)) {
      journal.append(record);
    }
    logRecord(listener, id, record);
  }

  /**
   * Drives a run until it ends: a new run, or one left unfinished by an engine process that died (resume). Returns
   * its final state. Fails when another live engine process holds the run.
   */
  public RunState run(String id, RunListener listener) throws IOException, WorkflowException, InterruptedException {
    return run(id, listener, false);
  }

  /**
   * As {@link #run(String, RunListener)}; with {@code rerunNotIdempotent} a resume also starts again actions that
   * were interrupted and are not safe to repeat (a plain sqoop export), which it otherwise refuses to do.
   */
  public RunState run(String id, RunListener listener, boolean rerunNotIdempotent)
      throws IOException, WorkflowException, InterruptedException {
    Optional<RunStore.RunLock> lock = store.tryLock(id);
    if (lock.isEmpty()) {
      throw new IllegalStateException("Run " + id + " is being driven by another engine process; use"
          + " 'bin/workflow info " + id + "' to follow it or 'bin/workflow kill " + id + "' to stop it");
    }
    try (RunStore.RunLock held = lock.get()) {
      RunState state = store.loadForRun(id);
      if (state.status().isTerminal()) {
        return state;
      }
      WorkflowDefinition definition = definitionOf(id);
      Configuration hadoop = runConf(state.conf());
      List<String> libJars;
      try {
        libJars = new ArrayList<>(WorkflowApp.load(state.appPath(), hadoop).libJars());
      } catch (WorkflowException e) {
        libJars = new ArrayList<>();
      }
      libJars.addAll(LibPaths.jobJars(state.conf(), hadoop)); // checked at submission; gone since: an I/O error
      ExecutorService threads = Executors.newFixedThreadPool(settings.poolSize(), daemonThreads(id));
      RunListener logging = (runId, record) -> logRecord(listener, runId, record);
      try (Journal journal = store.journal(id)) {
        RunDriver driver = new RunDriver(this, settings, definition, state, journal, store.runDir(id), logging,
            hadoop, libJars, el, threads, rerunNotIdempotent);
        try {
          return driver.drive();
        } finally {
          // stop action threads before the journal closes: nothing may be appended after the run's last record
          threads.shutdownNow();
          threads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String id) {
    AtomicInteger counter = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "wf-" + id.substring(0, 7) + "-action-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The definition a run was submitted with (the copy in its run directory). */
  public WorkflowDefinition definitionOf(String id) throws IOException, WorkflowException {
    Path dir = store.runDir(id);
    String source = Files.exists(dir.resolve("source"))
        ? Files.readString(dir.resolve("source"), StandardCharsets.UTF_8).trim() : "workflow.xml";
    return parser.parse(Files.readAllBytes(dir.resolve("workflow.xml")), source);
  }

  /**
   * Oozie's rerun: same id, {@code wf:run()} + 1. With {@code skipNodes} those actions are not run again (they must
   * have ended OK, E0807); with {@code failNodes} every action that ended OK is skipped. Only ended runs (E0805).
   * {@code newConf} (job.properties and {@code -D} of the rerun) is merged over the run's properties, as Oozie's
   * rerun does: a property fixed there is what the rerun sees; the app path stays the run's.
   */
  public RunState rerun(String id, boolean failNodes, List<String> skipNodes, RunListener listener)
      throws IOException, WorkflowException, InterruptedException {
    return rerun(id, failNodes, skipNodes, Map.of(), listener);
  }

  public RunState rerun(String id, boolean failNodes, List<String> skipNodes, Map<String, String> newConf,
      RunListener listener) throws IOException, WorkflowException, InterruptedException {
    recordRerun(id, failNodes, skipNodes, newConf, listener);
    return run(id, listener);
  }

  /**
   * Properties that steer a rerun (Oozie's {@code oozie.wf.rerun.*}) rather than configure the run; they are not kept
   * in the run's properties.
   */
  private static final List<String> RERUN_CONTROLS = List.of(ConfigKeys.RERUN_FAIL_NODES, ConfigKeys.RERUN_SKIP_NODES);

  /**
   * The checked first half of {@link #rerun}: the rerun is journaled (E0805/E0807 when it may not be), the run not
   * yet driven — for callers that drive it elsewhere (the scheduler daemon answers its client first).
   */
  public void recordRerun(String id, boolean failNodes, List<String> skipNodes, RunListener listener)
      throws IOException, WorkflowException {
    recordRerun(id, failNodes, skipNodes, Map.of(), listener);
  }

  public void recordRerun(String id, boolean failNodes, List<String> skipNodes, Map<String, String> newConf,
      RunListener listener) throws IOException, WorkflowException {
    if (failNodes && !skipNodes.isEmpty()) {
      throw new WorkflowException(ErrorCode.E0807, Location.of(id), "set only one of "
          + ConfigKeys.RERUN_FAIL_NODES + " and " + ConfigKeys.RERUN_SKIP_NODES);
    }
    Optional<RunStore.RunLock> lock = store.tryLock(id);
    if (lock.isEmpty()) {
      throw new IllegalStateException("Run " + id + " is being driven by another engine process");
    }
    try (RunStore.RunLock held = lock.get()) {
      RunState state = store.load(id);
      if (!state.status().isTerminal()) {
        throw new WorkflowException(ErrorCode.E0805, Location.of(id), "workflow job not completed, status ["
            + state.status() + "]: only SUCCEEDED, FAILED or KILLED runs can be rerun; resume it with"
            + " 'bin/workflow run --resume " + id + "'");
      }
      WorkflowDefinition definition = definitionOf(id);
      List<String> skip = new ArrayList<>();
      if (failNodes) {
        for (NodeRun run : state.nodeRuns()) {
          if (run.status() == NodeStatus.OK && definition.nodes().get(run.name()) instanceof Node.Action) {
            skip.add(run.name());
          }
        }
      } else {
        List<String> notOk = new ArrayList<>();
        for (String node : skipNodes) {
          NodeRun run = state.nodeRun(node);
          if (!(definition.nodes().get(node) instanceof Node.Action) || run == null
              || run.status() != NodeStatus.OK) {
            notOk.add(node);
          }
        }
        if (!notOk.isEmpty()) {
          throw new WorkflowException(ErrorCode.E0807, Location.of(id), "some skip actions were not executed "
              + notOk + ": only action nodes that ended OK in the previous run can be skipped");
        }
        skip.addAll(skipNodes);
      }
      Map<String, String> given = new java.util.TreeMap<>(newConf);
      RERUN_CONTROLS.forEach(given::remove);
      Map<String, String> conf = null;
      String changed = null;
      if (!given.isEmpty()) {
        Map<String, String> merged = new java.util.TreeMap<>(store.loadForRun(id).conf()); // secrets decrypted
        merged.putAll(given);
        merged.put(ConfigKeys.APP_PATH, state.conf().getOrDefault(ConfigKeys.APP_PATH, state.appPath()));
        merged = Submission.expand(merged);
        if (!merged.equals(state.conf())) {
          conf = store.seal(merged);
          changed = String.join(", ", given.keySet());
        }
      }
      JournalRecord record = JournalRecord.rerun(settings.clock().millis(), state.run() + 1, skip, conf, changed);
      try (Journal journal = store.journal(id)) {
        journal.append(record);
      }
      logRecord(listener, id, record);
    }
  }

  /**
   * Kills a run: a run driven by a live engine is asked to stop (it kills its running actions); a run whose engine is
   * gone is marked KILLED directly. Returns the final state.
   */
  public RunState kill(String id, long waitMillis) throws IOException, InterruptedException {
    return kill(id, waitMillis, "killed by user (no engine was running it)");
  }

  private RunState kill(String id, long waitMillis, String reason) throws IOException, InterruptedException {
    RunState state = store.load(id);
    if (state.status().isTerminal()) {
      return state;
    }
    Optional<RunStore.RunLock> lock = store.tryLock(id);
    if (lock.isPresent()) {
      try (RunStore.RunLock held = lock.get(); Journal journal = store.journal(id)) {
        JournalRecord record = JournalRecord.status(settings.clock().millis(), WorkflowStatus.KILLED, reason);
        journal.append(record);
        appendLog(id, record);
      }
      killChildren(state, waitMillis);
      return store.load(id);
    }
    Files.writeString(store.runDir(id).resolve(RunStore.KILL_REQUEST), "kill\n", StandardCharsets.UTF_8);
    long deadline = System.currentTimeMillis() + waitMillis;
    while (System.currentTimeMillis() < deadline) {
      state = store.load(id);
      if (state.status().isTerminal()) {
        return state;
      }
      Thread.sleep(100);
    }
    return store.load(id);
  }

  /**
   * Oozie's suspend of a workflow: no new action starts, running ones finish. A run driven by a live engine is asked
   * through a request file and waited for; a run no engine drives is journaled SUSPENDED directly. Only RUNNING runs
   * (E1317 otherwise, as Oozie's "invalid status" for the command).
   */
  public RunState suspend(String id, long waitMillis) throws IOException, InterruptedException {
    return changeStatus(id, WorkflowStatus.RUNNING, WorkflowStatus.SUSPENDED, RunStore.SUSPEND_REQUEST,
        "suspended by user (no engine was running it)", waitMillis);
  }

  /**
   * Continues a suspended run. A live engine driving it is asked and waited for; a run no engine drives is journaled
   * RUNNING — the caller then drives it ({@link #run}), as {@code run --resume} would.
   */
  public RunState resume(String id, long waitMillis) throws IOException, InterruptedException {
    return changeStatus(id, WorkflowStatus.SUSPENDED, WorkflowStatus.RUNNING, RunStore.RESUME_REQUEST,
        "resumed by user", waitMillis);
  }

  private RunState changeStatus(String id, WorkflowStatus from, WorkflowStatus to, String request, String message,
      long waitMillis) throws IOException, InterruptedException {
    RunState state = store.load(id);
    if (state.status() != from) {
      throw new IllegalStateException("E1317: workflow " + id + " is " + state.status() + ": only a " + from
          + " workflow can be " + (to == WorkflowStatus.SUSPENDED ? "suspended" : "resumed"));
    }
    Optional<RunStore.RunLock> lock = store.tryLock(id);
    if (lock.isPresent()) {
      try (RunStore.RunLock held = lock.get(); Journal journal = store.journal(id)) {
        JournalRecord record = JournalRecord.status(settings.clock().millis(), to, message);
        journal.append(record);
        appendLog(id, record);
      }
      return store.load(id);
    }
    Files.writeString(store.runDir(id).resolve(request), to.name() + "\n", StandardCharsets.UTF_8);
    long deadline = System.currentTimeMillis() + waitMillis;
    while (System.currentTimeMillis() < deadline) {
      state = store.load(id);
      if (state.status() != from) {
        return state;
      }
      Thread.sleep(50);
    }
    return store.load(id);
  }

  /** How long a parent that ends waits for a child run to record its KILLED status. */
  private static final long CHILD_KILL_WAIT_MILLIS = 30_000;

  /**
   * Ends a sub-workflow's child run because its parent ends: the engine driving it is asked to stop (it kills its own
   * actions and children) and waited for; a child no engine drives (PREP, or its engine died) is marked KILLED.
   */
  private void killChild(String parentId, String childId) {
    try {
      RunState child = kill(childId, CHILD_KILL_WAIT_MILLIS, "killed with its parent run " + parentId);
      if (!child.status().isTerminal()) {
        log(parentId, "sub-workflow " + childId + " did not stop within " + CHILD_KILL_WAIT_MILLIS / 1000
            + " s; stop it with 'bin/workflow kill " + childId + "'");
      }
    } catch (IOException e) {
      log(parentId, "could not kill sub-workflow " + childId + ": " + e.getMessage() + "; stop it with"
          + " 'bin/workflow kill " + childId + "'");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The child runs of sub-workflow actions a run left RUNNING when no engine was there to end them. */
  private void killChildren(RunState parent, long waitMillis) throws IOException, InterruptedException {
    for (NodeRun node : parent.nodeRuns()) {
      String childId = node.externalId();
      if (childId == null || !childId.endsWith("-hk-W") || !store.exists(childId)) {
        continue;
      }
      RunState child = store.load(childId);
      if (parent.id().equals(child.parent()) && !child.status().isTerminal()) {
        kill(childId, waitMillis, "killed with its parent run " + parent.id());
      }
    }
  }

  /** Runs child workflows for sub-workflow actions of run {@code parentId}. */
  SubWorkflowRunner subWorkflowRunner(String parentId, RunListener listener) {
    return new SubWorkflowRunner() {
      @Override
      public Result run(String appPath, Map<String, String> conf, java.util.function.Consumer<String> onId,
          Cancellation cancellation) throws Exception {
        if (cancellation.isCancelled()) {
          return new Result(null, false, WorkflowStatus.KILLED.name(), "the parent run ended before the child"
              + " was submitted");
        }
        Submission submission = prepare(conf, Map.of(), appPath);
        String childId = submit(submission, parentId, listener);
        onId.accept(childId);
        cancellation.onKill(() -> killChild(parentId, childId));
        return result(WorkflowEngine.this.run(childId, listener));
      }

      @Override
      public Optional<Result> resume(String childId, Cancellation cancellation) throws Exception {
        if (!store.exists(childId)) {
          return Optional.empty();
        }
        RunState previous = store.load(childId);
        if (!parentId.equals(previous.parent())) {
          return Optional.empty();
        }
        if (previous.status().isTerminal() && !previous.status().isSuccessful()) {
          return Optional.empty(); // a failed child is started anew, as a retry would
        }
        log(parentId, "resuming sub-workflow " + childId + " (" + previous.status() + ")");
        cancellation.onKill(() -> killChild(parentId, childId));
        return Optional.of(result(WorkflowEngine.this.run(childId, listener)));
      }
    };
  }

  /** How a child run ended; a failure names the child's failing node with its code and message. */
  private static SubWorkflowRunner.Result result(RunState child) {
    String message = child.statusMessage();
    String node = child.lastErrorNode();
    NodeRun failed = node == null ? null : child.nodeRun(node);
    if (!child.status().isSuccessful() && failed != null) {
      message = "failing node [" + node + "]" + (failed.errorCode() == null ? "" : " [" + failed.errorCode() + "]")
          + (failed.errorMessage() == null ? "" : " " + failed.errorMessage());
    }
    return new SubWorkflowRunner.Result(child.id(), child.status().isSuccessful(), child.status().name(), message);
  }

  void log(String runId, String message) {
    String line = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(settings.clock().millis()))
        + "  " + runId + "  NOTE      " + message;
    writeLogLine(runId, line);
    if (messages != null) {
      messages.println(line);
    }
  }

  private void logRecord(RunListener listener, String runId, JournalRecord record) {
    appendLog(runId, record);
    listener.onRecord(runId, record);
  }

  private void appendLog(String runId, JournalRecord record) {
    writeLogLine(runId, RunLogFormat.line(runId, record));
  }

  private void writeLogLine(String runId, String line) {
    try {
      Files.writeString(store.runDir(runId).resolve("run.log"), line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // the journal is the record; run.log is a convenience
    }
  }

  /** Parses a comma-separated node list. */
  public static List<String> nodeList(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

}
