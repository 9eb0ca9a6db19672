package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.ActionOutcome;
import dev.hadoopkit.workflow.action.Cancellation;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.el.ElException;
import dev.hadoopkit.workflow.el.ElScope;
import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.Secrets;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;

/**
 * Moves one run forward until it ends. Single-threaded: only this driver's thread writes the journal's control
 * records; actions run on the engine's threads (at most {@code poolSize} at once) and report back through a queue.
 * Every change is journaled before it is applied, so a driver started on a journal left by a killed process
 * continues from exactly where that process was: completed actions are never run again, actions that were running
 * are run again (said so in the log).
 */
final class RunDriver {
  private static final long POLL_MILLIS = 100;

  private final WorkflowEngine engine;
  private final EngineSettings settings;
  private final WorkflowDefinition definition;
  private final RunState state;
  private final Journal journal;
  private final Path runDir;
  private final RunListener listener;
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
  private final RunElContext elContext;
  private final ActionBodyResolver bodies;
  private final RetryPolicy retries;
  private final AttemptRunner attempts;
  private final ResumeCheck resume;
  private final RunRecorder recorder;
  private final RunRequests requests;

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
    this.el = el;
    this.threads = threads;
    this.joinWidth = ForkJoinPairs.joinWidths(definition);
    this.secrets = Secrets.of(state.info().conf());
    this.recorder = new RunRecorder(journal, state, definition, secrets, listener, engine.stop());
    this.requests = new RunRequests(runDir, state, recorder, settings.clock(), engine.runLog());
    this.elContext = new RunElContext(state, hadoop);
    this.bodies = new ActionBodyResolver(el);
    this.retries = new RetryPolicy(el);
    this.attempts = new AttemptRunner(engine, settings, state, runDir, listener, bodies,
        new ActionConfBuilder(definition.global(), hadoop, el, state.info().appPath()),
        new ActionJars(state.info().conf(), hadoop, libJars), new AttemptFiles(engine, state.info().id(), secrets), this::scope,
        recorder::record);
    this.resume = new ResumeCheck(engine, definition, state, bodies, this::scope);
  }

  private long now() {
    return settings.clock().millis();
  }

  private void record(JournalRecord record) {
    recorder.record(record);
  }

  RunState drive() throws InterruptedException {
    EngineStop.Listener onStop = this::engineStopping;
    engine.stop().register(onStop);
    try {
      if (state.info().status() == WorkflowStatus.PREP) {
        record(JournalRecord.status(now(), WorkflowStatus.RUNNING, null));
      } else {
        if (!rerunNotIdempotent) {
          resume.refuseInterruptedNotIdempotent();
        }
        resume.announce();
        if (state.info().status() == WorkflowStatus.SUSPENDED) {
          engine.log(state.info().id(), "the run is SUSPENDED: no action starts until 'bin/workflow resume " + state.info().id()
              + "' (or 'bin/oozie job -resume " + state.info().id() + "')");
        }
      }
      while (!state.info().status().isTerminal() && !stopping()) {
        if (requests.killRequested()) {
          stopEverything(WorkflowStatus.KILLED, "killed on request (bin/workflow kill)");
          break;
        }
        requests.suspendOrResume();
        boolean suspended = state.info().status() == WorkflowStatus.SUSPENDED;
        boolean progressed = !suspended && dispatch();
        if (state.info().status().isTerminal() || stopping()) {
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
        requests.clear();
      }
    }
    return state;
  }

  private boolean stopping() {
    return engine.stop().stopping();
  }

  /**
   * The engine's process is stopping (SIGTERM, Ctrl-C): the flag is already set, so no record is journaled after
   * this point (the lock on the journal waits for one being written); the run stays RUNNING, as after kill -9, and
   * its child processes and jobs are stopped instead of running on unsupervised.
   */
  private void engineStopping() {
    synchronized (journal) {
      if (state.info().status().isTerminal()) {
        return;
      }
    }
    engine.log(state.info().id(), "the engine is stopping (SIGTERM or Ctrl-C); the run stays " + state.info().status()
        + ": resume it with 'bin/workflow run --resume " + state.info().id() + "'");
    stopInFlightForExit();
  }

  private void stopInFlightForExit() {
    for (InFlight flight : inFlight.values()) {
      flight.cancellation().stopForEngineExit();
    }
  }

  private long pollTimeout() {
    long timeout = POLL_MILLIS;
    for (long due : retryDue.values()) {
      timeout = Math.max(1, Math.min(timeout, due - now()));
    }
    return timeout;
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
    while (again && !state.info().status().isTerminal() && !stopping()) {
      again = false;
      for (Map.Entry<String, Integer> token : state.tokens().entrySet()) {
        String name = token.getKey();
        if (inFlight.containsKey(name) || state.info().status().isTerminal() || stopping()) {
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
          record(JournalRecord.end(t, decision.name(), NodeStatus.FAILED, List.of(), ErrorCode.EL_ERROR.name(),
              e.getMessage(), null, null, false));
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
        record(JournalRecord.end(t, kill.name(), NodeStatus.KILLED, List.of(), ErrorCode.E0729.name(), message,
            null, null, false));
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
    return ElScope.forRun(state.info().conf(), elContext);
  }

  private void startAction(Node.Action action) {
    NodeRun previous = state.nodeRun(action.name());
    if (state.info().skipNodes().contains(action.name()) && previous != null && previous.status() == NodeStatus.OK) {
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
          engine.log(state.info().id(), OrphanedAttempt.stop(action.name(), previousAttempt, attempt, orphan.get()));
        }
        outcome = attempts.run(action, attempt, previousExternalId, cancellation);
      } catch (IOException e) {
        outcome = ActionOutcome.failed(RunErrorCode.RESUME, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outcome = ActionOutcome.error(RunErrorCode.KILLED, "interrupted");
      }
      done.add(new Done(action.name(), attempt, outcome));
    });
    inFlight.put(action.name(), new InFlight(attempt, cancellation, future));
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
        int max = retries.max(action.retry(), scope());
        if (outcome.status().isRetriable() && event.attempt() <= max) {
          long due = t + retries.delayMillis(action.retry(), event.attempt(), scope());
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
}
