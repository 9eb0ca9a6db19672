package dev.hadoopkit.workflow.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of one run, rebuilt from its journal by {@link #apply}. Where the run is, is a multiset of tokens on nodes:
 * {@code :start:} holds one token at submission; a node's {@code end} record moves its token to each of its
 * transitions (a fork makes several, a join consumes all of its tokens and makes one). All methods are synchronized:
 * EL functions in action threads read it while the engine thread changes it.
 */
public final class RunState {
  private String id;
  private String appPath;
  private String name;
  private String user;
  private String parent;
  private Map<String, String> conf = Map.of();
  private WorkflowStatus status = WorkflowStatus.PREP;
  private String statusMessage;
  private int run;
  private long createdTime;
  private long endTime;
  private String lastErrorNode;
  private final Map<String, Integer> tokens = new TreeMap<>();
  private final Map<String, NodeRun> nodes = new LinkedHashMap<>();
  private Set<String> skipNodes = Set.of();

  public static RunState replay(List<JournalRecord> records) {
    RunState state = new RunState();
    records.forEach(state::apply);
    return state;
  }

  public synchronized void apply(JournalRecord record) {
    // Java 17 has no pattern switch: one instanceof per record type, in the order the events usually come
    if (record instanceof JournalRecord.Submitted r) {
      id = r.id();
      appPath = r.app();
      name = r.name();
      user = r.user();
      parent = r.parent();
      conf = Collections.unmodifiableMap(new TreeMap<>(r.conf()));
      createdTime = r.time();
      tokens.put(dev.hadoopkit.workflow.definition.Node.START_NAME, 1);
    } else if (record instanceof JournalRecord.Status r) {
      status = r.status();
      statusMessage = r.message();
      if (status.isTerminal()) {
        endTime = r.time();
        for (NodeRun node : nodes.values()) {
          if (!node.status().isTerminal() && node.status() != NodeStatus.PREP) {
            node.ended(NodeStatus.KILLED, List.of(), node.errorCode(), "the workflow ended " + status, null,
                null, r.time(), false);
          }
        }
      } else {
        endTime = 0;
      }
    } else if (record instanceof JournalRecord.Start r) {
      node(r.node()).started(r.attempt(), r.time());
    } else if (record instanceof JournalRecord.External r) {
      node(r.node()).externalId(r.externalId());
      if (r.processStart() != null) {
        node(r.node()).process(r.processStart());
      }
    } else if (record instanceof JournalRecord.Retry r) {
      node(r.node()).retrying(r.code(), r.message());
    } else if (record instanceof JournalRecord.End r) {
      ended(r);
    } else if (record instanceof JournalRecord.Rerun r) {
      run = r.run();
      skipNodes = Set.copyOf(r.skip());
      if (r.conf() != null) {
        conf = Collections.unmodifiableMap(new TreeMap<>(r.conf()));
      }
      status = WorkflowStatus.RUNNING;
      statusMessage = null;
      endTime = 0;
      lastErrorNode = null;
      tokens.clear();
      tokens.put(dev.hadoopkit.workflow.definition.Node.START_NAME, 1);
      nodes.keySet().removeIf(n -> !skipNodes.contains(n));
    }
  }

  private void ended(JournalRecord.End r) {
    NodeStatus nodeStatus = r.status();
    List<String> to = r.to() == null ? List.of() : r.to();
    node(r.node()).ended(nodeStatus, to, r.code(), r.message(), r.data(), r.counters(), r.time(), r.skipped());
    if (nodeStatus == NodeStatus.ERROR || nodeStatus == NodeStatus.FAILED) {
      lastErrorNode = r.node();
    }
    Integer held = tokens.get(r.node());
    if (held != null) {
      // a join consumes every token it holds; any other node the one it was working on
      boolean join = to.size() == 1 && held > 1;
      int left = join ? 0 : held - 1;
      if (left == 0) {
        tokens.remove(r.node());
      } else {
        tokens.put(r.node(), left);
      }
    }
    for (String target : to) {
      tokens.merge(target, 1, Integer::sum);
    }
  }

  private NodeRun node(String nodeName) {
    return nodes.computeIfAbsent(nodeName, NodeRun::new);
  }

  /** The run's identity and status, read together. */
  public synchronized RunInfo info() {
    return new RunInfo(id, appPath, name, user, parent, conf, status, statusMessage, run, createdTime, endTime,
        lastErrorNode, skipNodes);
  }

  /** Nodes holding tokens and how many (a join may hold several while it waits). */
  public synchronized Map<String, Integer> tokens() {
    return new TreeMap<>(tokens);
  }

  public synchronized NodeRun nodeRun(String nodeName) {
    return nodes.get(nodeName);
  }

  /** Node runs in the order they were first touched. */
  public synchronized List<NodeRun> nodeRuns() {
    return new ArrayList<>(nodes.values());
  }

  public synchronized Set<String> nodeNames() {
    return new LinkedHashSet<>(nodes.keySet());
  }
}
