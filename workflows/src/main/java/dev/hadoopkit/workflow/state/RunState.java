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

  public synchronized void apply(JournalRecord r) {
    switch (r.type()) {
      case "submitted" -> {
        id = r.id();
        appPath = r.app();
        name = r.name();
        user = r.user();
        parent = r.parent();
        conf = Collections.unmodifiableMap(new TreeMap<>(r.conf()));
        createdTime = r.time();
        tokens.put(dev.hadoopkit.workflow.definition.Node.START_NAME, 1);
      }
      case "status" -> {
        status = WorkflowStatus.valueOf(r.status());
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
      }
      case "start" -> node(r.node()).started(r.attempt(), r.time());
      case "external" -> {
        node(r.node()).externalId(r.externalId());
        if (r.processStart() != null) {
          node(r.node()).process(r.processStart());
        }
      }
      case "retry" -> node(r.node()).retrying(r.code(), r.message());
      case "end" -> {
        NodeStatus nodeStatus = NodeStatus.valueOf(r.status());
        List<String> to = r.to() == null ? List.of() : r.to();
        node(r.node()).ended(nodeStatus, to, r.code(), r.message(), r.data(), r.counters(), r.time(),
            Boolean.TRUE.equals(r.skipped()));
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
      case "rerun" -> {
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
      default -> throw new IllegalArgumentException("Unknown journal record type: " + r.type());
    }
  }

  private NodeRun node(String nodeName) {
    return nodes.computeIfAbsent(nodeName, NodeRun::new);
  }

  public synchronized String id() {
    return id;
  }

  public synchronized String appPath() {
    return appPath;
  }

  public synchronized String name() {
    return name;
  }

  public synchronized String user() {
    return user;
  }

  public synchronized String parent() {
    return parent;
  }

  public synchronized Map<String, String> conf() {
    return conf;
  }

  public synchronized WorkflowStatus status() {
    return status;
  }

  public synchronized String statusMessage() {
    return statusMessage;
  }

  /** Oozie's {@code wf:run()}: 0 for the first run, +1 per rerun. */
  public synchronized int run() {
    return run;
  }

  public synchronized long createdTime() {
    return createdTime;
  }

  public synchronized long endTime() {
    return endTime;
  }

  public synchronized String lastErrorNode() {
    return lastErrorNode;
  }

  /** Nodes holding tokens and how many (a join may hold several while it waits). */
  public synchronized Map<String, Integer> tokens() {
    return new TreeMap<>(tokens);
  }

  public synchronized Set<String> skipNodes() {
    return skipNodes;
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
