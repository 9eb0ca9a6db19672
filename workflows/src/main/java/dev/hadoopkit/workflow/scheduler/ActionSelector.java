package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The actions of a coordinator that {@code -action 1,3-4} or {@code -date a::b,c} choose, and control times. */
final class ActionSelector {
  private ActionSelector() {
  }

  static Instant parseTime(String text, String what) {
    try {
      return CoordTimes.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("E1015", what + ": " + e.getMessage());
    }
  }

  /** The actions of {@code -action 1,3-4} or {@code -date a::b,c}; every one must exist (E1025 otherwise). */
  static List<Integer> select(CoordinatorJob job, ActionSelection selection) {
    if (selection.isAll()) {
      return new ArrayList<>(job.actions.keySet());
    }
    TreeSet<Integer> out = new TreeSet<>();
    boolean byDate = "date".equalsIgnoreCase(selection.type());
    for (String part : selection.scope().split(",")) {
      String item = part.trim();
      if (item.isEmpty()) {
        continue;
      }
      if (byDate) {
        String[] range = item.split("::");
        Instant from = parseTime(range[0].trim(), "-date");
        Instant to = range.length > 1 ? parseTime(range[1].trim(), "-date") : from;
        for (CoordAction action : job.actions.values()) {
          if (!action.nominalTime.isBefore(from) && !action.nominalTime.isAfter(to)) {
            out.add(action.number);
          }
        }
      } else {
        String[] range = item.split("-");
        try {
          int from = Integer.parseInt(range[0].trim());
          int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
          if (to < from) {
            throw new BadRequestException("E1025", "action range " + item + " ends before it starts");
          }
          for (int n = from; n <= to; n++) {
            if (!job.actions.containsKey(n)) {
              throw new BadRequestException("E1025", "coordinator " + job.id + " has no action " + n + " (it has "
                  + job.materialized + " materialized)");
            }
            out.add(n);
          }
        } catch (NumberFormatException e) {
          throw new BadRequestException("E1025", "-action takes numbers and ranges like 1,3-4, not '" + item
              + "'");
        }
      }
    }
    if (out.isEmpty()) {
      throw new BadRequestException("E1025", "no action of " + job.id + " matches " + selection.type() + " "
          + selection.scope());
    }
    return new ArrayList<>(out);
  }
}
