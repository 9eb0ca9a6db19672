package dev.hadoopkit.workflow.coord;

import java.util.List;

/**
 * Coordinator 0.5 {@code <input-logic>}: {@code and}, {@code or}, {@code combine} over references to the
 * {@code <data-in>} events (by their name, written as the {@code dataset} attribute, as in Oozie). {@code min}: the
 * least number of available instances that satisfies the node; {@code waitMinutes}: how long, from the nominal time
 * or the action's creation whichever is later, to keep waiting (before moving on to the next alternative of an
 * {@code or}, or for more instances after {@code min} is met). A parent's min and wait apply to children without
 * their own. {@code name} makes the node's inputs available to {@code coord:dataIn(name)}.
 */
sealed interface InputLogic {
  String name();

  Integer min();

  Integer waitMinutes();

  record And(String name, Integer min, Integer waitMinutes, List<InputLogic> children) implements InputLogic {
    public And {
      children = List.copyOf(children);
    }
  }

  record Or(String name, Integer min, Integer waitMinutes, List<InputLogic> children) implements InputLogic {
    public Or {
      children = List.copyOf(children);
    }
  }

  record Combine(String name, Integer min, Integer waitMinutes, List<DataInRef> children) implements InputLogic {
    public Combine {
      children = List.copyOf(children);
    }
  }

  record DataInRef(String name, Integer min, Integer waitMinutes, String dataIn) implements InputLogic {
  }
}
