package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.ActionContext;
import dev.hadoopkit.workflow.action.ActionExecutor;
import dev.hadoopkit.workflow.action.ActionOutcome;
import dev.hadoopkit.workflow.action.Cancellation;
import dev.hadoopkit.workflow.definition.GlobalSpec;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.RetrySpec;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.el.ElException;
import dev.hadoopkit.workflow.el.ElScope;
import dev.hadoopkit.workflow.el.WorkflowElContext;
import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.Secrets;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Moves one run forward until it ends. Single-threaded: only this driver's thread writes the journal's control
 * records; actions run on the engine's threads (at most {@code poolSize} at once) and report back through a queue.
 * Every change is journaled before it is applied, so a driver started on a journal left by a killed process
 * continues from exactly where that process was: completed actions are never run again, actions that were running
 * are run again (said so in the log).
 */
final class RunDriver implements WorkflowElContext {
  private static final long POLL_MILLIS = 100;

  private final WorkflowEngine engine;
  private final EngineSettings settings;
  private final WorkflowDefinition definition;
  private final RunState state;
  private final Journal journal;
  private final Path runDir;
  private final RunListener listener;
  private final Configuration hadoop;
  private final List<String> libJars;
  /** The app's and oozie.libpath's jars plus the system library of each action type (computed once per type). */
  private final java.util.Map<String, List<String>> jarsByType = new java.util.concurrent.ConcurrentHashMap<>();
  private final ElEvaluator el;
  private final ExecutorService threads;
  private final Map<String, Integer> joinWidth;
  private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
  private final Map<String, InFlight> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Long> retryDue = new HashMap<>();
  /** Secret job properties: masked in every record and, once an action ends, in its output files. */
  private final Secrets secrets;
  /** {@code run --resume --rerun-nonidempotent}: the user checked the targets of interrupted unsafe actions. */
  private final boolean rerunNotIdempotent;
  /** Looking a factory up scans the classpath; one per run, used under its lock. */
  private final DocumentBuilderFactory documents = newDocumentBuilderFactory();

  private static DocumentBuilderFactory newDocumentBuilderFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance(); // the JDK's: no classpath scan
    factory.setNamespaceAware(true);
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("XML parser without DOCTYPE protection: " + e.getMessage(), e);
    }
    return factory;
  }

  private record Done(String node, int attempt, ActionOutcome outcome) {
  }

  private record InFlight(int attempt, Cancellation cancellation, Future<?> future) {
  }

  RunDriver(WorkflowEngine engine, EngineSettings settings, WorkflowDefinition definition, RunState state,
      Journal journal, Path runDir, RunListener listener, Configuration hadoop, List<String> libJars, ElEvaluator el,
      ExecutorService threads, boolean rerunNotIdempotent) {
    this.rerunNotIdempotent = rerunNotIdempotent;
    this.engine = engine;
    this.settings = settings;
    this.definition = definition;
    this.state = state;
    this.journal = journal;
    this.runDir = runDir;
    this.listener = listener;
    this.hadoop = hadoop;
    this.libJars = libJars;
    this.el = el;
    this.threads = threads;
    this.joinWidth = ForkJoinPairs.joinWidths(definition);
    this.secrets = Secrets.of(state.conf());
  }

  private long now() {
    return settings.clock().millis();
  }

  /** Masks secret values in an ended attempt's files; a failure is noted in run.log, the outcome stands. */
  private void scrub(Path workDir) {
    try {
      secrets.scrub(workDir);
    } catch (IOException | UncheckedIOException e) {
      engine.log(state.id(), "could not mask secret properties in the files of " + workDir + ": " + e.getMessage()
          + "; check them before sharing the state directory");
    }
  }

  /** Password files and other secret {@code <file>}s leave the state dir when their action ends (issue 15 defect 6). */
  private void removeSecretFiles(String node, Path workDir, List<String> links) {
    if (links.isEmpty()) {
      return;
    }
    try {
      List<String> removed = dev.hadoopkit.workflow.action.SecretFiles.remove(workDir, links);
      if (!removed.isEmpty()) {
        engine.log(state.id(), node + ": removed the secret files " + removed + " from its work dir");
      }
    } catch (IOException e) {
      engine.log(state.id(), node + ": could not remove the secret files " + links + " from " + workDir + ": "
          + e.getMessage() + "; delete them by hand");
    }
  }

  private void record(JournalRecord unmasked) {
    JournalRecord record = secrets.mask(unmasked);
    synchronized (journal) {
      if (stopping()) {
        return; // the process is stopping: the run must stay as it is on disk, resumable
      }
      try {
        journal.append(record, mustForce(record));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the journal " + journal.file() + ": " + e.getMessage(), e);
      }
      state.apply(record);
    }
    listener.onRecord(state.id(), record);
  }

  /**
   * Results that a replay could not recompute are forced: an action's or decision's end, a retry, a kill, the run's
   * status. An action start, an external id or a start/fork/join transition may be lost in a crash; the action then
   * simply runs again, which is what happens to a started action anyway.
   */
  private boolean mustForce(JournalRecord record) {
    return switch (record.type()) {
      case "start", "external" -> false;
      case "end" -> {
        Node node = definition.nodes().get(record.node());
        yield node instanceof Node.Action || node instanceof Node.Decision || node instanceof Node.Kill;
      }
      default -> true;
    };
  }

  RunState drive() throws InterruptedException {
    EngineStop.Listener onStop = this::engineStopping;
    engine.stop().register(onStop);
    try {
      if (state.status() == WorkflowStatus.PREP) {
        record(JournalRecord.status(now(), WorkflowStatus.RUNNING, null));
      } else {
        if (!rerunNotIdempotent) {
          refuseInterruptedNotIdempotent();
        }
        announceResume();
        if (state.status() == WorkflowStatus.SUSPENDED) {
          engine.log(state.id(), "the run is SUSPENDED: no action starts until 'bin/workflow resume " + state.id()
              + "' (or 'bin/oozie job -resume " + state.id() + "')");
        }
      }
      while (!state.status().isTerminal() && !stopping()) {
        if (Files.exists(runDir.resolve(RunStore.KILL_REQUEST))) {
          stopEverything(WorkflowStatus.KILLED, "killed on request (bin/workflow kill)");
          break;
        }
        suspendOrResumeOnRequest();
        boolean suspended = state.status() == WorkflowStatus.SUSPENDED;
        boolean progressed = !suspended && dispatch();
        if (state.status().isTerminal() || stopping()) {
          break;
        }
        Done event = done.poll(progressed ? 0 : pollTimeout(), TimeUnit.MILLISECONDS);
        if (event != null) {
          finish(event);
        } else if (!suspended && !progressed && inFlight.isEmpty() && retryDue.isEmpty() && !hasRunnableToken()) {
          stopEverything(WorkflowStatus.FAILED, "the run cannot progress: tokens wait at " + state.tokens()
              + " (a join whose fork path ended elsewhere)");
        }
      }
    } finally {
      engine.stop().unregister(onStop);
      if (stopping()) {
        stopInFlightForExit();
      } else {
        cancelInFlight();
        try {
          Files.deleteIfExists(runDir.resolve(RunStore.KILL_REQUEST));
          if (state.status().isTerminal()) {
            Files.deleteIfExists(runDir.resolve(RunStore.SUSPEND_REQUEST));
            Files.deleteIfExists(runDir.resolve(RunStore.RESUME_REQUEST));
          }
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
    return state;
  }

  private boolean stopping() {
    return engine.stop().stopping();
  }

  /**
   * {@code oozie job -suspend|-resume} of a run this engine drives arrive as request files (as kill does): suspended,
   * no new action starts (running ones finish and are journaled); resumed, the run goes on. The status is journaled,
   * so a suspended run stays suspended across an engine restart.
   */
  private void suspendOrResumeOnRequest() {
    Path suspend = runDir.resolve(RunStore.SUSPEND_REQUEST);
    Path resume = runDir.resolve(RunStore.RESUME_REQUEST);
    try {
      if (Files.exists(suspend)) {
        if (state.status() == WorkflowStatus.RUNNING) {
          record(JournalRecord.status(now(), WorkflowStatus.SUSPENDED, "suspended on request"));
        }
        Files.deleteIfExists(suspend);
      } else if (Files.exists(resume)) {
        if (state.status() == WorkflowStatus.SUSPENDED) {
          record(JournalRecord.status(now(), WorkflowStatus.RUNNING, "resumed on request"));
        }
        Files.deleteIfExists(resume);
      }
    } catch (IOException e) {
      engine.log(state.id(), "could not take a suspend/resume request: " + e.getMessage());
    }
  }

  /**
   * The engine's process is stopping (SIGTERM, Ctrl-C): the flag is already set, so no record is journaled after
   * this point (the lock on the journal waits for one being written); the run stays RUNNING, as after kill -9, and
   * its child processes and jobs are stopped instead of running on unsupervised.
   */
  private void engineStopping() {
    synchronized (journal) {
      if (state.status().isTerminal()) {
        return;
      }
    }
    engine.log(state.id(), "the engine is stopping (SIGTERM or Ctrl-C); the run stays " + state.status()
        + ": resume it with 'bin/workflow run --resume " + state.id() + "'");
    stopInFlightForExit();
  }

  private void stopInFlightForExit() {
    for (InFlight flight : inFlight.values()) {
      flight.cancellation().stopForEngineExit();
    }
  }

  private List<String> jarsFor(String actionType) throws IOException {
    List<String> jars = jarsByType.get(actionType);
    if (jars == null) {
      List<String> system = LibPaths.systemJars(state.conf(), actionType, hadoop);
      jars = system.isEmpty() ? libJars : java.util.stream.Stream.concat(libJars.stream(), system.stream()).toList();
      jarsByType.put(actionType, jars);
    }
    return jars;
  }

  private long pollTimeout() {
    long timeout = POLL_MILLIS;
    for (long due : retryDue.values()) {
      timeout = Math.max(1, Math.min(timeout, due - now()));
    }
    return timeout;
  }

  private void announceResume() {
    for (String node : state.tokens().keySet()) {
      NodeRun run = state.nodeRun(node);
      if (run != null && run.status() == NodeStatus.RUNNING) {
        String external = run.externalId();
        engine.log(state.id(), node + ": was RUNNING when the previous engine stopped"
            + (external == null ? "" : " (external id " + external + ")") + "; starting it again"
            + (external != null && external.startsWith("job_") && !external.startsWith("job_local")
                ? " (re-attaching to the Hadoop job if it is still known to the cluster)" : ""));
      }
    }
  }

  /**
   * An action that was running when the previous engine died and that is not safe to run twice (a plain sqoop
   * export: its rows would be inserted again) is not started blindly: the resume stops before it journals anything,
   * the run stays RUNNING, and the message says how to decide.
   */
  private void refuseInterruptedNotIdempotent() {
    List<String> unsafe = new ArrayList<>();
    for (String node : state.tokens().keySet()) {
      NodeRun run = state.nodeRun(node);
      if (run == null || run.status() != NodeStatus.RUNNING || !(definition.node(node) instanceof Node.Action action)
          || state.skipNodes().contains(node)) {
        continue;
      }
      ActionExecutor executor = engine.registry().get(action.spec().type());
      if (executor == null) {
        continue;
      }
      Element body;
      try {
        body = resolve(action.spec().xml(), scope());
      } catch (Exception e) {
        continue; // its EL fails at once when it runs again: nothing is repeated
      }
      executor.notIdempotent(body).ifPresent(why -> unsafe.add("action [" + node + "] (" + why + ")"));
    }
    if (!unsafe.isEmpty()) {
      String id = state.id();
      throw new NotIdempotentResumeException("Cannot resume " + id + ": " + String.join(", ", unsafe)
          + " was running when the previous engine stopped and may have written part of its data; running it"
          + " again would write that part twice. Check its target, then either remove what it wrote and run"
          + " 'bin/workflow run --resume " + id + " --rerun-nonidempotent', or end the run with 'bin/workflow kill "
          + id + "' (then 'bin/workflow rerun " + id + " -D oozie.wf.rerun.failnodes=true' runs what did not end"
          + " OK). Staged exports (--staging-table) resume without asking");
    }
  }

  /** A resume refused because an interrupted action must not be repeated blindly; the run is left as it was. */
  static final class NotIdempotentResumeException extends IllegalStateException {
    NotIdempotentResumeException(String message) {
      super(message);
    }
  }

  private boolean hasRunnableToken() {
    for (Map.Entry<String, Integer> token : state.tokens().entrySet()) {
      Node node = definition.node(token.getKey());
      if (!(node instanceof Node.Join) || token.getValue() >= joinWidth.getOrDefault(node.name(), 2)) {
        return true;
      }
    }
    return false;
  }

  /** Handles every token that can move now; returns whether anything changed. */
  private boolean dispatch() {
    boolean progressed = false;
    boolean again = true;
    while (again && !state.status().isTerminal() && !stopping()) {
      again = false;
      for (Map.Entry<String, Integer> token : state.tokens().entrySet()) {
        String name = token.getKey();
        if (inFlight.containsKey(name) || state.status().isTerminal() || stopping()) {
          continue;
        }
        Long due = retryDue.get(name);
        if (due != null && due > now()) {
          continue;
        }
        if (step(definition.node(name), token.getValue())) {
          again = true;
          progressed = true;
        }
      }
    }
    return progressed;
  }

  private boolean step(Node node, int tokens) {
    long t = now();
    if (node instanceof Node.Start start) {
      record(end(start.name(), NodeStatus.OK, List.of(start.to())));
    } else if (node instanceof Node.Fork fork) {
      record(end(fork.name(), NodeStatus.OK, fork.paths()));
    } else if (node instanceof Node.Join join) {
      if (tokens < joinWidth.getOrDefault(join.name(), 2)) {
        return false;
      }
      record(end(join.name(), NodeStatus.OK, List.of(join.to())));
    } else if (node instanceof Node.Decision decision) {
      {
        String to;
        try {
          to = decide(decision);
        } catch (ElException e) {
          record(JournalRecord.end(t, decision.name(), NodeStatus.FAILED, List.of(), "EL_ERROR", e.getMessage(),
              null, null, false));
          stopEverything(WorkflowStatus.FAILED, "decision [" + decision.name() + "]: " + e.getMessage());
          return true;
        }
        record(end(decision.name(), NodeStatus.OK, List.of(to)));
      }
    } else if (node instanceof Node.End end) {
      record(end(end.name(), NodeStatus.OK, List.of()));
      record(JournalRecord.status(now(), WorkflowStatus.SUCCEEDED, null));
    } else if (node instanceof Node.Kill kill) {
      {
        String message;
        try {
          message = el.evaluateString(kill.message(), scope());
        } catch (ElException e) {
          message = kill.message() + " (" + e.getMessage() + ")";
        }
        record(JournalRecord.end(t, kill.name(), NodeStatus.KILLED, List.of(), "E0729", message, null, null,
            false));
        stopEverything(WorkflowStatus.KILLED, "kill node [" + kill.name() + "]: " + message);
      }
    } else if (node instanceof Node.Action action) {
      startAction(action);
    }
    return true;
  }

  private static JournalRecord endRecord(long time, String node, NodeStatus status, List<String> to) {
    return JournalRecord.end(time, node, status, to, null, null, null, null, false);
  }

  private JournalRecord end(String node, NodeStatus status, List<String> to) {
    return endRecord(now(), node, status, to);
  }

  private String decide(Node.Decision decision) throws ElException {
    ElScope scope = scope();
    for (Node.Case c : decision.cases()) {
      if (el.evaluateBoolean(c.predicate(), scope)) {
        return c.to();
      }
    }
    return decision.defaultTo();
  }

  private ElScope scope() {
    return ElScope.forRun(state.conf(), this);
  }

  private void startAction(Node.Action action) {
    NodeRun previous = state.nodeRun(action.name());
    if (state.skipNodes().contains(action.name()) && previous != null && previous.status() == NodeStatus.OK) {
      record(JournalRecord.end(now(), action.name(), NodeStatus.OK, List.of(action.okTo()), null, null,
          previous.data(), previous.counters(), true));
      return;
    }
    retryDue.remove(action.name());
    int attempt = previous == null ? 1 : previous.attempt() + 1;
    boolean wasRunning = previous != null && previous.status() == NodeStatus.RUNNING;
    String previousExternalId = wasRunning ? previous.externalId() : null;
    // read before the start record below resets it: the process the dead engine's attempt left behind
    java.util.Optional<NodeRun.ChildProcess> orphan = wasRunning ? previous.process() : java.util.Optional.empty();
    int previousAttempt = wasRunning ? previous.attempt() : 0;
    record(JournalRecord.start(now(), action.name(), attempt));
    Cancellation cancellation = new Cancellation();
    Future<?> future = threads.submit(() -> {
      ActionOutcome outcome;
      try {
        if (orphan.isPresent()) {
          engine.log(state.id(), OrphanedAttempt.stop(action.name(), previousAttempt, attempt, orphan.get()));
        }
        outcome = runAttempt(action, attempt, previousExternalId, cancellation);
      } catch (IOException e) {
        outcome = ActionOutcome.failed("RESUME", e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outcome = ActionOutcome.error("KILLED", "interrupted");
      }
      done.add(new Done(action.name(), attempt, outcome));
    });
    inFlight.put(action.name(), new InFlight(attempt, cancellation, future));
  }

  private ActionOutcome runAttempt(Node.Action action, int attempt, String previousExternalId,
      Cancellation cancellation) {
    ActionExecutor executor = engine.registry().get(action.spec().type());
    if (executor == null) {
      return ActionOutcome.failed("E0723", "Unsupported action type, node [" + action.name() + "] type ["
          + action.spec().type() + "]");
    }
    try {
      ElScope scope = scope();
      Element body = resolve(action.spec().xml(), scope);
      Configuration conf = actionConf(body, scope);
      prepare(body, conf);
      Path workDir = runDir.resolve("actions").resolve(action.name())
          .resolve("r" + state.run() + "-a" + attempt);
      Files.createDirectories(workDir);
      // An external id reported once the run is stopping is not journaled (the run's last record is its status);
      // the executor's cancel hook stops that job or child run.
      ActionContext context = new ActionContext(state.id(), action.name(), attempt, body, conf, state.appPath(),
          state.conf(), jarsFor(action.spec().type()), workDir, settings.captureOutputLimit(), id -> {
            if (!cancellation.isCancelled()) {
              record(externalRecord(action.name(), id));
            }
          }, previousExternalId, cancellation, engine.subWorkflowRunner(state.id(), listener));
      if (cancellation.isCancelled()) {
        return ActionOutcome.error("KILLED", "the workflow ended before node [" + action.name() + "] started");
      }
      List<String> secretFiles = dev.hadoopkit.workflow.action.SecretFiles.links(body, state.appPath(),
          state.conf());
      try {
        return executor.execute(context);
      } finally {
        removeSecretFiles(action.name(), workDir, secretFiles);
        scrub(workDir);
      }
    } catch (ElException e) {
      return ActionOutcome.failed("EL_ERROR", "node [" + action.name() + "] at " + action.spec().location() + ": "
          + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionOutcome.error("KILLED", "interrupted");
    } catch (Exception e) {
      return ActionErrors.outcome(e);
    }
  }

  /**
   * An action's external id; a child process ({@code pid:N}, just started) with its start time, by which a resumed
   * engine finds it again should this engine die ({@link OrphanedAttempt}).
   */
  private JournalRecord externalRecord(String node, String id) {
    if (id.startsWith("pid:")) {
      try {
        long pid = Long.parseLong(id.substring(4));
        java.util.Optional<java.time.Instant> started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant());
        if (started.isPresent()) {
          return JournalRecord.process(now(), node, pid, started.get().toEpochMilli());
        }
      } catch (NumberFormatException notAPid) {
        // an executor's own id scheme: kept as given
      }
    }
    return JournalRecord.external(now(), node, id);
  }

  /** The action body with every ${…} in attributes and text resolved. */
  private Element resolve(String xml, ElScope scope) throws Exception {
    javax.xml.parsers.DocumentBuilder builder;
    synchronized (documents) {
      builder = documents.newDocumentBuilder();
    }
    Element root = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
    resolveTree(root, scope);
    return root;
  }

  private void resolveTree(org.w3c.dom.Node node, ElScope scope) throws ElException {
    if (node instanceof Element element) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attr = (Attr) attributes.item(i);
        if (ElEvaluator.hasEl(attr.getValue())) {
          attr.setValue(el.evaluateString(attr.getValue(), scope));
        }
      }
    } else if (node.getNodeType() == org.w3c.dom.Node.TEXT_NODE
        || node.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
      if (ElEvaluator.hasEl(node.getNodeValue())) {
        node.setNodeValue(el.evaluateString(node.getNodeValue(), scope));
      }
    }
    for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      resolveTree(child, scope);
    }
  }

  /** {@code <global>}, job-xml files, {@code <configuration>}, name-node and job-tracker, in Oozie's order. */
  private Configuration actionConf(Element body, ElScope scope) throws Exception {
    GlobalSpec global = definition.global();
    boolean plain = global.equals(GlobalSpec.EMPTY);
    for (String own : List.of("name-node", "job-tracker", "resource-manager", "job-xml", "configuration")) {
      plain &= LocatedXml.child(body, own) == null;
    }
    if (plain) {
      return hadoop; // nothing to add: share the run's configuration (executors only read it)
    }
    Configuration conf = new Configuration(hadoop);
    String nameNode = LocatedXml.childText(body, "name-node");
    if (nameNode == null && global.nameNode() != null) {
      nameNode = el.evaluateString(global.nameNode(), scope);
    }
    String jobTracker = HadoopConfs.firstNonEmpty(LocatedXml.childText(body, "resource-manager"),
        LocatedXml.childText(body, "job-tracker"));
    if (jobTracker == null) {
      String globalTracker = HadoopConfs.firstNonEmpty(global.resourceManager(), global.jobTracker());
      jobTracker = globalTracker == null ? null : el.evaluateString(globalTracker, scope);
    }
    HadoopConfs.apply(conf, nameNode, jobTracker);
    // Oozie's order (LiteWorkflowAppParser.handleDefaultsAndGlobal): the job-xml files (global ones first), then the
    // global <configuration> merged under the action's own, so global configuration wins over every job-xml.
    List<String> jobXmls = new ArrayList<>();
    for (String jobXml : global.jobXmls()) {
      jobXmls.add(el.evaluateString(jobXml, scope));
    }
    LocatedXml.children(body, "job-xml").forEach(e -> jobXmls.add(e.getTextContent().trim()));
    for (String jobXml : jobXmls) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(jobXml);
      if (!path.isAbsolute() && path.toUri().getScheme() == null) {
        path = new org.apache.hadoop.fs.Path(state.appPath(), jobXml);
      }
      try (InputStream in = path.getFileSystem(conf).open(path)) {
        WorkflowApp.readConfiguration(in.readAllBytes(), path.toString()).forEach(conf::set);
      } catch (WorkflowException e) {
        throw new IOException("job-xml " + e.describe(), e);
      }
    }
    for (Map.Entry<String, String> e : global.configuration().entrySet()) {
      conf.set(e.getKey(), el.evaluateString(e.getValue(), scope));
    }
    WorkflowParser.configuration(LocatedXml.child(body, "configuration")).forEach(conf::set);
    return conf;
  }

  private static void prepare(Element body, Configuration conf) throws IOException {
    Element prepare = LocatedXml.child(body, "prepare");
    if (prepare == null) {
      return;
    }
    for (Element op : LocatedXml.children(prepare)) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(op.getAttribute("path").trim());
      FileSystem fs = path.getFileSystem(conf);
      if ("delete".equals(op.getLocalName())) {
        fs.delete(path, true);
      } else if ("mkdir".equals(op.getLocalName())) {
        fs.mkdirs(path);
      }
    }
  }

  private void finish(Done event) {
    InFlight flight = inFlight.get(event.node());
    if (flight == null || flight.attempt() != event.attempt()) {
      return; // a late report of an attempt already recorded as killed
    }
    inFlight.remove(event.node());
    Node.Action action = (Node.Action) definition.node(event.node());
    ActionOutcome outcome = event.outcome();
    long t = now();
    switch (outcome.status()) {
      case OK -> record(JournalRecord.end(t, action.name(), NodeStatus.OK, List.of(action.okTo()), null, null,
          outcome.data(), outcome.counters(), false));
      case FAILED -> {
        record(JournalRecord.end(t, action.name(), NodeStatus.FAILED, List.of(), outcome.errorCode(),
            outcome.errorMessage(), outcome.data(), outcome.counters(), false));
        stopEverything(WorkflowStatus.FAILED, "action [" + action.name() + "] failed: [" + outcome.errorCode()
            + "] " + outcome.errorMessage());
      }
      default -> {
        int max = retryMax(action.retry());
        if (outcome.status().isRetriable() && event.attempt() <= max) {
          long due = t + retryDelayMillis(action.retry(), event.attempt());
          record(JournalRecord.retry(t, action.name(), event.attempt(), outcome.errorCode(),
              outcome.errorMessage(), due));
          retryDue.put(action.name(), due);
        } else {
          record(JournalRecord.end(t, action.name(), NodeStatus.ERROR, List.of(action.errorTo()),
              outcome.errorCode(), outcome.errorMessage(), outcome.data(), outcome.counters(), false));
        }
      }
    }
  }

  private int retryMax(RetrySpec retry) {
    if (retry.max() == null) {
      return 0;
    }
    try {
      return Integer.parseInt(el.evaluateString(retry.max(), scope()).trim());
    } catch (ElException | NumberFormatException e) {
      return 0;
    }
  }

  /** Oozie's retry-interval is in minutes (default 10); exponential doubles it per attempt. */
  private long retryDelayMillis(RetrySpec retry, int attempt) {
    double minutes = 10;
    if (retry.intervalMinutes() != null) {
      try {
        minutes = Double.parseDouble(el.evaluateString(retry.intervalMinutes(), scope()).trim());
      } catch (ElException | NumberFormatException e) {
        minutes = 10;
      }
    }
    long millis = (long) (minutes * 60_000);
    if ("exponential".equalsIgnoreCase(retry.policy())) {
      millis = millis << Math.min(20, attempt - 1);
    }
    return millis;
  }

  private void stopEverything(WorkflowStatus status, String message) {
    cancelInFlight();
    for (String node : new ArrayList<>(inFlight.keySet())) {
      record(JournalRecord.end(now(), node, NodeStatus.KILLED, List.of(), null, "the workflow ended " + status,
          null, null, false));
    }
    inFlight.clear();
    retryDue.clear();
    record(JournalRecord.status(now(), status, message));
  }

  private void cancelInFlight() {
    for (InFlight flight : inFlight.values()) {
      flight.cancellation().cancel();
      flight.future().cancel(true);
    }
  }

  // ---- WorkflowElContext: what wf: and hadoop: EL functions see

  @Override
  public String id() {
    return state.id();
  }

  @Override
  public String name() {
    return state.name();
  }

  @Override
  public String appPath() {
    return state.appPath();
  }

  @Override
  public String conf(String property) {
    return state.conf().getOrDefault(property, "");
  }

  @Override
  public String user() {
    return state.user();
  }

  @Override
  public String group() {
    try {
      String[] groups = UserGroupInformation.getCurrentUser().getGroupNames();
      return groups.length == 0 ? "" : groups[0];
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public int run() {
    return state.run();
  }

  @Override
  public String lastErrorNode() {
    String node = state.lastErrorNode();
    return node == null ? "" : node;
  }

  @Override
  public String errorCode(String node) {
    NodeRun run = state.nodeRun(node);
    return run == null || run.errorCode() == null ? "" : run.errorCode();
  }

  @Override
  public String errorMessage(String node) {
    NodeRun run = state.nodeRun(node);
    return run == null || run.errorMessage() == null ? "" : run.errorMessage();
  }

  @Override
  public String transition(String node) {
    NodeRun run = state.nodeRun(node);
    return run == null || run.transitions().isEmpty() ? "" : run.transitions().get(0);
  }

  @Override
  public Map<String, String> actionData(String node) {
    NodeRun run = state.nodeRun(node);
    return run == null ? Map.of() : new LinkedHashMap<>(run.data());
  }

  @Override
  public String actionExternalId(String node) {
    NodeRun run = state.nodeRun(node);
    return run == null || run.externalId() == null ? "" : run.externalId();
  }

  @Override
  public String actionExternalStatus(String node) {
    NodeRun run = state.nodeRun(node);
    if (run == null) {
      return "";
    }
    return switch (run.status()) {
      case OK -> "SUCCEEDED";
      case ERROR, FAILED -> "FAILED";
      case KILLED -> "KILLED";
      case RUNNING -> "RUNNING";
      default -> "";
    };
  }

  @Override
  public Map<String, Map<String, Long>> counters(String node) {
    NodeRun run = state.nodeRun(node);
    return run == null ? Map.of() : run.counters();
  }

  @Override
  public Configuration hadoopConf() {
    return hadoop;
  }
}
