package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.action.SubWorkflowRunner;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;

/**
 * The embedded workflow engine: submits runs (journal + copy of workflow.xml under the state directory), drives them
 * to their end ({@link RunDriver}), resumes them after a crash, reruns and kills them. No server: the engine runs in
 * the process of the command that uses it; the journal is what outlives it. Kill, suspend and resume are
 * {@link RunControl}'s job, reruns {@link RerunRecorder}'s, sub-workflow children {@link ChildRuns}', run.log
 * {@link RunLog}'s.
 */
public final class WorkflowEngine {
  private final EngineSettings settings;
  private final ActionRegistry registry;
  private final RunStore store;
  private final WorkflowParser parser;
  private final ElEvaluator el;
  private final Configuration base;
  private final RunLog log;
  private final RunControl control;
  private final RerunRecorder reruns;
  private final ChildRuns children;
  private final Map<List<String>, Configuration> runConfs = new java.util.concurrent.ConcurrentHashMap<>();
  private final EngineStop stop = new EngineStop();

  public WorkflowEngine(EngineSettings settings, ActionRegistry registry, Configuration base, PrintStream messages) {
    this.settings = settings;
    this.registry = registry;
    this.store = new RunStore(settings.stateDir(), settings.journalSync());
    this.parser = new WorkflowParser();
    this.el = new ElEvaluator();
    this.base = base;
    this.log = new RunLog(store, settings.clock(), messages);
    this.control = new RunControl(store, settings.clock(), log);
    this.reruns = new RerunRecorder(this, log);
    this.children = new ChildRuns(this, control, log);
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

  RunLog runLog() {
    return log;
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
    log.record(listener, id, record);
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
      if (state.info().status().isTerminal()) {
        return state;
      }
      WorkflowDefinition definition = definitionOf(id);
      Configuration hadoop = runConf(state.info().conf());
      List<String> libJars;
      try {
        libJars = new ArrayList<>(WorkflowApp.load(state.info().appPath(), hadoop).libJars());
      } catch (WorkflowException e) {
        libJars = new ArrayList<>();
      }
      libJars.addAll(LibPaths.jobJars(state.info().conf(), hadoop)); // checked at submission; gone since: an I/O error
      ExecutorService threads = Executors.newFixedThreadPool(settings.poolSize(), daemonThreads(id));
      RunListener logging = (runId, record) -> log.record(listener, runId, record);
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
   * The checked first half of {@link #rerun}: the rerun is journaled (E0805/E0807 when it may not be), the run not
   * yet driven — for callers that drive it elsewhere (the scheduler daemon answers its client first).
   */
  public void recordRerun(String id, boolean failNodes, List<String> skipNodes, RunListener listener)
      throws IOException, WorkflowException {
    recordRerun(id, failNodes, skipNodes, Map.of(), listener);
  }

  public void recordRerun(String id, boolean failNodes, List<String> skipNodes, Map<String, String> newConf,
      RunListener listener) throws IOException, WorkflowException {
    reruns.record(id, failNodes, skipNodes, newConf, listener);
  }

  /**
   * Kills a run: a run driven by a live engine is asked to stop (it kills its running actions); a run whose engine is
   * gone is marked KILLED directly. Returns the final state.
   */
  public RunState kill(String id, long waitMillis) throws IOException, InterruptedException {
    return control.kill(id, waitMillis, "killed by user (no engine was running it)");
  }

  /**
   * Oozie's suspend of a workflow: no new action starts, running ones finish. A run driven by a live engine is asked
   * through a request file and waited for; a run no engine drives is journaled SUSPENDED directly. Only RUNNING runs
   * (E1317 otherwise, as Oozie's "invalid status" for the command).
   */
  public RunState suspend(String id, long waitMillis) throws IOException, InterruptedException {
    return control.changeStatus(id, WorkflowStatus.RUNNING, WorkflowStatus.SUSPENDED, RunStore.SUSPEND_REQUEST,
        "suspended by user (no engine was running it)", waitMillis);
  }

  /**
   * Continues a suspended run. A live engine driving it is asked and waited for; a run no engine drives is journaled
   * RUNNING — the caller then drives it ({@link #run}), as {@code run --resume} would.
   */
  public RunState resume(String id, long waitMillis) throws IOException, InterruptedException {
    return control.changeStatus(id, WorkflowStatus.SUSPENDED, WorkflowStatus.RUNNING, RunStore.RESUME_REQUEST,
        "resumed by user", waitMillis);
  }

  /** Runs child workflows for sub-workflow actions of run {@code parentId}. */
  SubWorkflowRunner subWorkflowRunner(String parentId, RunListener listener) {
    return children.runner(parentId, listener);
  }

  /** A note about a run in its run.log (and on the engine's console). */
  void log(String runId, String message) {
    log.note(runId, message);
  }

  /** Parses a comma-separated node list. */
  public static List<String> nodeList(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

}
