package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.coord.time.DatasetCalendar;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * The dataset instances of one coordinator job: an instance spec at an action's nominal time → URIs
 * (current/offset/absolute/dates, ranges newest first, expressions evaluated in the action-create phase) or a
 * pending latest/future, and the scan that resolves those against the data available at the input check. URI
 * templates are compiled once per dataset. Thread-safe.
 */
final class InstanceResolver {
  private final Map<String, String> conf;
  private final ZoneId coordinatorZone;
  private final CoordIdentity identity;
  private final Location where;
  private final Map<String, CompiledTemplate> templates = new ConcurrentHashMap<>();

  InstanceResolver(Map<String, String> conf, ZoneId coordinatorZone, CoordIdentity identity, Location where) {
    this.conf = conf;
    this.coordinatorZone = coordinatorZone;
    this.identity = identity;
    this.where = where;
  }

  /** A data-in with its pre-parsed instances (or range ends). */
  record Event(DataIn in, Dataset dataset, List<InstanceSpec> instances, InstanceSpec start,
      InstanceSpec end) {
  }

  /** A resolved URI, or a latest/future to scan for at the input check. */
  record Slot(String uri, Pending pending) {
  }

  /** latest(start..end) or future(start..end, limit), start == end for a single instance. */
  record Pending(boolean latest, int start, int end, int limit) {
    String describe() {
      if (latest) {
        return start == end ? "${coord:latest(" + start + ")}" : "${coord:latestRange(" + start + ", " + end + ")}";
      }
      return start == end ? "${coord:future(" + start + ", " + limit + ")}"
          : "${coord:futureRange(" + start + ", " + end + ", " + limit + ")}";
    }
  }

  /** The URIs (or pending latest/future) of one data-in for the action at {@code nominal}. */
  List<Slot> slots(Event event, Instant nominal) {
    if (event.start == null) {
      List<Slot> out = new ArrayList<>();
      for (InstanceSpec spec : event.instances) {
        out.addAll(resolve(spec, event.dataset, nominal));
      }
      return out;
    }
    return range(event, nominal);
  }

  private String uri(Dataset dataset, Instant instance) {
    return templates.computeIfAbsent(dataset.name(), name -> new CompiledTemplate(dataset.uriTemplate()))
        .resolve(instance);
  }

  /** One instance spec → its URIs (none when before the initial instance) or a pending latest/future. */
  List<Slot> resolve(InstanceSpec spec, Dataset dataset, Instant nominal) {
    DatasetCalendar calendar = dataset.calendar();
    if (spec instanceof InstanceSpec.Current c) {
      return calendar.current(nominal, c.n()).map(i -> List.of(new Slot(uri(dataset, i), null))).orElse(List.of());
    }
    if (spec instanceof InstanceSpec.Offset o) {
      return calendar.offset(nominal, o.n(), o.unit()).map(i -> List.of(new Slot(uri(dataset, i), null)))
          .orElse(List.of());
    }
    if (spec instanceof InstanceSpec.Absolute a) {
      return List.of(new Slot(uri(dataset, calendar.absolute(CoordTimes.parse(a.date()))), null));
    }
    if (spec instanceof InstanceSpec.Fixed f) {
      return List.of(new Slot(uri(dataset, CoordTimes.parse(f.date())), null));
    }
    if (spec instanceof InstanceSpec.Latest l) {
      return List.of(new Slot(null, new Pending(true, l.n(), l.n(), 0)));
    }
    if (spec instanceof InstanceSpec.Future f) {
      return List.of(new Slot(null, new Pending(false, f.n(), f.n(), f.limit())));
    }
    return evaluated(((InstanceSpec.Expression) spec).text(), dataset, nominal);
  }

  /** An expression evaluated in the action-create phase: dates (comma-separated) or an echoed latest/future. */
  private List<Slot> evaluated(String text, Dataset dataset, Instant nominal) {
    CoordElContext context = new CoordElContext(Phase.ACTION_CREATE, conf);
    context.nominalTime = nominal;
    context.dataset = dataset;
    context.coordinatorZone = coordinatorZone;
    context.identity = identity;
    String value;
    try {
      value = CoordEl.evaluateChecked(text, context, where, "an instance of dataset " + dataset.name());
    } catch (WorkflowException e) {
      throw new IllegalStateException(e.describe(), e);
    }
    List<Slot> out = new ArrayList<>();
    for (String piece : value.split(",")) {
      String p = piece.trim();
      if (p.isEmpty()) {
        continue;
      }
      InstanceSpec spec = InstanceSpec.parse(p);
      Matcher m;
      if (spec instanceof InstanceSpec.Latest || spec instanceof InstanceSpec.Future) {
        out.addAll(resolve(spec, dataset, nominal));
      } else if ((m = InstanceSpec.LATEST_RANGE.matcher(p)).matches()) {
        out.add(new Slot(null, new Pending(true, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0)));
      } else if ((m = InstanceSpec.FUTURE_RANGE.matcher(p)).matches()) {
        out.add(new Slot(null, new Pending(false, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)))));
      } else {
        out.add(new Slot(uri(dataset, CoordTimes.parse(p)), null));
      }
    }
    return out;
  }

  /** A start-instance/end-instance range, newest first (as Oozie), or one pending latest/future range. */
  private List<Slot> range(Event event, Instant nominal) {
    Dataset dataset = event.dataset;
    DatasetCalendar calendar = dataset.calendar();
    InstanceSpec start = event.start;
    InstanceSpec end = event.end;
    if (start instanceof InstanceSpec.Current s && end instanceof InstanceSpec.Current e) {
      List<Slot> out = new ArrayList<>(Math.max(0, e.n() - s.n() + 1));
      Optional<Instant> newest = calendar.current(nominal, e.n());
      if (newest.isEmpty()) {
        for (int k = e.n() - 1; k >= s.n() && newest.isEmpty(); k--) {
          newest = calendar.current(nominal, k);
          if (newest.isPresent()) {
            return range(dataset, newest.get(), k - s.n() + 1);
          }
        }
        return out;
      }
      return range(dataset, newest.get(), e.n() - s.n() + 1);
    }
    if (start instanceof InstanceSpec.Latest s && end instanceof InstanceSpec.Latest e) {
      return List.of(new Slot(null, new Pending(true, s.n(), e.n(), 0)));
    }
    if (start instanceof InstanceSpec.Future s && end instanceof InstanceSpec.Future e) {
      return List.of(new Slot(null, new Pending(false, s.n(), e.n(), Math.max(s.limit(), e.limit()))));
    }
    List<Slot> from = resolve(start, dataset, nominal);
    List<Slot> to = resolve(end, dataset, nominal);
    if (from.size() == 1 && to.size() == 1 && from.get(0).pending != null && to.get(0).pending != null) {
      Pending a = from.get(0).pending;
      Pending b = to.get(0).pending;
      return List.of(new Slot(null, new Pending(a.latest, a.start, b.end, Math.max(a.limit, b.limit))));
    }
    Optional<Instant> first = instantOf(start, dataset, nominal);
    Optional<Instant> last = instantOf(end, dataset, nominal);
    if (first.isEmpty() || last.isEmpty()) {
      return List.of();
    }
    List<Slot> out = new ArrayList<>();
    Instant floor = calendar.effectiveInitialInstance();
    for (Instant i = last.get(); !i.isBefore(first.get()) && !i.isBefore(floor); i = calendar.step(i, -1)) {
      out.add(new Slot(uri(dataset, i), null));
    }
    return out;
  }

  /** {@code count} instances from {@code newest} backwards, stopping at the initial instance. */
  private List<Slot> range(Dataset dataset, Instant newest, int count) {
    DatasetCalendar calendar = dataset.calendar();
    Instant floor = calendar.effectiveInitialInstance();
    List<Slot> out = new ArrayList<>(count);
    Instant instance = newest;
    for (int i = 0; i < count; i++) {
      out.add(new Slot(uri(dataset, instance), null));
      if (i + 1 < count) {
        instance = calendar.step(instance, -1);
        if (instance.isBefore(floor)) {
          break;
        }
      }
    }
    return out;
  }

  /** The instance a range end resolves to (offset, absolute, a date, or an expression giving one date). */
  private Optional<Instant> instantOf(InstanceSpec spec, Dataset dataset, Instant nominal) {
    DatasetCalendar calendar = dataset.calendar();
    if (spec instanceof InstanceSpec.Current c) {
      return calendar.current(nominal, c.n());
    }
    if (spec instanceof InstanceSpec.Offset o) {
      return calendar.offset(nominal, o.n(), o.unit());
    }
    if (spec instanceof InstanceSpec.Absolute a) {
      return Optional.of(calendar.absolute(CoordTimes.parse(a.date())));
    }
    if (spec instanceof InstanceSpec.Fixed f) {
      return Optional.of(calendar.absolute(CoordTimes.parse(f.date())));
    }
    if (spec instanceof InstanceSpec.Expression x) {
      CoordElContext context = new CoordElContext(Phase.ACTION_CREATE, conf);
      context.nominalTime = nominal;
      context.dataset = dataset;
      context.coordinatorZone = coordinatorZone;
      try {
        String value = CoordEl.evaluateChecked(x.text(), context, where, "a range end").trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(calendar.absolute(CoordTimes.parse(value)));
      } catch (WorkflowException e) {
        throw new IllegalStateException(e.describe(), e);
      }
    }
    return Optional.empty();
  }

  /**
   * Oozie's LatestEvaluator/FutureEvaluator: counts available instances from current(0) (of the creation time for
   * latest, of the nominal time for future) backwards/forwards; the URIs of the range once its far end is found
   * (latest newest first, future oldest first), else null.
   */
  List<String> scan(Pending pending, Dataset dataset, Instant nominal, Instant createdTime,
      DataAvailability availability) throws IOException {
    DatasetCalendar calendar = dataset.calendar();
    Optional<Instant> current = calendar.current(pending.latest ? createdTime : nominal, 0);
    if (current.isEmpty()) {
      return null;
    }
    Instant floor = calendar.effectiveInitialInstance();
    List<String> found = new ArrayList<>();
    int available = 0;
    Instant instance = current.get();
    if (pending.latest) {
      while (!instance.isBefore(floor)) {
        String uri = uri(dataset, instance);
        if (availability.exists(dataset.availabilityPath(uri))) {
          if (available <= pending.end) {
            found.add(uri);
          }
          if (available == pending.start) {
            return found;
          }
          available--;
        }
        instance = calendar.step(instance, -1);
      }
      return null;
    }
    for (int checked = 0; checked <= pending.limit; checked++) {
      String uri = uri(dataset, instance);
      if (availability.exists(dataset.availabilityPath(uri))) {
        if (available >= pending.start) {
          found.add(uri);
        }
        if (available == pending.end) {
          return found;
        }
        available++;
      }
      instance = calendar.step(instance, 1);
    }
    return null;
  }
}
