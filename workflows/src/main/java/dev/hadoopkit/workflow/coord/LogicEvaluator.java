package dev.hadoopkit.workflow.coord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@code <input-logic>} over the checked data-ins, as Oozie's CoordInputLogicEvaluator: AND needs every
 * child, OR takes the first satisfied child in order (waiting for a child until its {@code wait} minutes from the
 * reference time have passed), COMBINE fills each instance position from the first data-in that has it. {@code min}
 * accepts a subset; with {@code wait} more instances are waited for after min is reached. A parent's min and wait
 * apply to children without their own. Named nodes get their chosen URIs in {@code named}.
 */
final class LogicEvaluator {
  private final Map<String, Checked> inputs;
  private final Instant now;
  private final Instant reference;
  private final Map<String, List<String>> named;

  LogicEvaluator(Map<String, Checked> inputs, Instant now, Instant reference, Map<String, List<String>> named) {
    this.inputs = inputs;
    this.now = now;
    this.reference = reference;
    this.named = named;
  }

  LogicResult evaluate(InputLogic node, Integer inheritedMin, Integer inheritedWait) {
    Integer min = node.min() != null ? node.min() : inheritedMin;
    Integer wait = node.waitMinutes() != null ? node.waitMinutes() : inheritedWait;
    LogicResult result;
    if (node instanceof InputLogic.DataInRef ref) {
      result = dataIn(ref, min, wait);
    } else if (node instanceof InputLogic.And and) {
      boolean satisfied = true;
      List<String> uris = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (InputLogic child : and.children()) {
        LogicResult r = evaluate(child, min, wait);
        satisfied &= r.satisfied();
        uris.addAll(r.uris());
        missing.addAll(r.missing());
      }
      result = new LogicResult(satisfied, uris, satisfied ? List.of() : missing);
    } else if (node instanceof InputLogic.Or or) {
      result = null;
      List<String> missing = new ArrayList<>();
      for (InputLogic child : or.children()) {
        LogicResult r = evaluate(child, min, wait);
        if (r.satisfied()) {
          result = r;
          break;
        }
        missing.addAll(r.missing());
        Integer childWait = child.waitMinutes() != null ? child.waitMinutes() : wait;
        if (childWait != null && now.isBefore(reference.plus(Duration.ofMinutes(childWait)))) {
          break; // still waiting for this alternative before trying the next one
        }
      }
      if (result == null) {
        result = new LogicResult(false, List.of(), missing);
      }
    } else {
      result = combine((InputLogic.Combine) node, min);
    }
    if (node.name() != null && !node.name().isEmpty()) {
      named.put(node.name(), List.copyOf(result.uris()));
    }
    return result;
  }

  private LogicResult dataIn(InputLogic.DataInRef ref, Integer min, Integer wait) {
    Checked checked = inputs.get(ref.dataIn());
    List<String> available = checked.available();
    List<String> missing = new ArrayList<>(checked.unresolved);
    missing.addAll(checked.missing());
    if (min == null) {
      boolean satisfied = missing.isEmpty();
      return new LogicResult(satisfied, satisfied ? List.copyOf(checked.uris) : List.of(), missing);
    }
    boolean satisfied = available.size() >= min;
    if (satisfied && !missing.isEmpty() && wait != null
        && now.isBefore(reference.plus(Duration.ofMinutes(wait)))) {
      satisfied = false; // min reached: wait for more instances until the wait time has passed
    }
    return new LogicResult(satisfied, satisfied ? available : List.of(), missing);
  }

  private LogicResult combine(InputLogic.Combine combine, Integer min) {
    List<Checked> parts = combine.children().stream().map(r -> inputs.get(r.dataIn())).toList();
    int positions = parts.get(0).uris.size();
    List<String> uris = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < positions; i++) {
      String chosen = null;
      for (Checked part : parts) {
        if (i < part.uris.size() && part.exists.get(i)) {
          chosen = part.uris.get(i);
          break;
        }
      }
      if (chosen != null) {
        uris.add(chosen);
      } else {
        missing.add(parts.get(0).uris.get(i));
      }
    }
    boolean satisfied = min == null ? missing.isEmpty() : uris.size() >= min;
    return new LogicResult(satisfied, satisfied ? uris : List.of(), missing);
  }

  /** One data-in after the availability check. */
  static final class Checked {
    final List<String> uris = new ArrayList<>();
    final List<Boolean> exists = new ArrayList<>();
    final List<String> unresolved = new ArrayList<>();

    void add(String uri, boolean available) {
      uris.add(uri);
      exists.add(available);
    }

    List<String> available() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < uris.size(); i++) {
        if (exists.get(i)) {
          out.add(uris.get(i));
        }
      }
      return out;
    }

    List<String> missing() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < uris.size(); i++) {
        if (!exists.get(i)) {
          out.add(uris.get(i));
        }
      }
      return out;
    }
  }

  record LogicResult(boolean satisfied, List<String> uris, List<String> missing) {
  }
}
