package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.coord.time.DatasetCalendar;
import dev.hadoopkit.workflow.coord.time.NominalTimes;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Materializes the actions of a submitted coordinator as Oozie does: action n's nominal time, its data-in URIs
 * (current/offset/absolute now, latest/future at the input check), data-out URIs, the input check (done flags,
 * latest/future scanning, input-logic) and the workflow job properties. Instances are pre-parsed once, so an action
 * costs no XML and, for the usual forms, no EL. Thread-safe.
 */
public final class CoordinatorMaterializer {
  /** The workflow property Oozie sets to the action's nominal time in epoch milliseconds. */
  public static final String NOMINAL_TIME_PROPERTY = "oozie.coord.action.nominal_time";
  public static final String WORKFLOW_APP_PATH = "oozie.wf.application.path";

  private final CoordinatorDefinition definition;
  private final Map<String, String> conf;
  private final CoordIdentity identity;
  private final NominalTimes nominalTimes;
  private final List<Event> inputs = new ArrayList<>();
  private final List<OutputEvent> outputs = new ArrayList<>();
  private final Location where;
  private final Map<String, CompiledTemplate> templates = new java.util.concurrent.ConcurrentHashMap<>();

  public CoordinatorMaterializer(CoordinatorDefinition definition, Map<String, String> conf, CoordIdentity identity) {
    this.definition = definition;
    this.conf = Map.copyOf(conf);
    this.identity = identity;
    this.nominalTimes = definition.nominalTimes();
    this.where = Location.of(definition.file());
    for (DataIn in : definition.inputs()) {
      Dataset dataset = definition.datasets().get(in.dataset());
      if (in.isRange()) {
        inputs.add(new Event(in, dataset, List.of(), InstanceSpec.parse(in.startInstance()),
            InstanceSpec.parse(in.endInstance())));
      } else {
        inputs.add(new Event(in, dataset, in.instances().stream().map(InstanceSpec::parse).toList(), null, null));
      }
    }
    for (DataOut out : definition.outputs()) {
      outputs.add(new OutputEvent(out, definition.datasets().get(out.dataset()), InstanceSpec.parse(out.instance())));
    }
  }

  public CoordinatorDefinition definition() {
    return definition;
  }

  /** The number of actions between start and end. */
  public long totalActions() {
    return nominalTimes.totalActions();
  }

  /** Action n (1-based); empty at or after the end. */
  public Optional<MaterializedAction> action(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Invalid action number, must be 1 or more: " + n);
    }
    Optional<Instant> time = nominalTimes.time(n);
    if (time.isEmpty()) {
      return Optional.empty();
    }
    Instant nominal = time.get();
    Map<String, List<String>> in = new LinkedHashMap<>();
    List<String> pending = new ArrayList<>();
    for (Event event : inputs) {
      List<Slot> slots = slots(event, nominal);
      List<String> uris = new ArrayList<>();
      for (Slot slot : slots) {
        if (slot.uri != null) {
          uris.add(slot.uri);
        } else {
          pending.add("data-in " + event.in.name() + ": " + slot.pending.describe() + " of dataset "
              + event.dataset.name());
        }
      }
      in.put(event.in.name(), uris);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (OutputEvent event : outputs) {
      List<String> uris = new ArrayList<>();
      for (Slot slot : resolve(event.spec, event.dataset, nominal)) {
        if (slot.uri != null) {
          uris.add(slot.uri);
        }
      }
      out.put(event.out.name(), uris);
    }
    return Optional.of(new MaterializedAction(n, nominal, in, out, pending));
  }

  /**
   * Checks the inputs at {@code now}; latest is relative to {@code now} (Oozie's
   * {@code oozie.service.ELService.latest-el.use-current-time=true}). Use the overload with the action's creation
   * time for Oozie's default.
   */
  public InputCheck checkInputs(MaterializedAction action, DataAvailability availability, Instant now)
      throws IOException {
    return checkInputs(action, availability, now, now);
  }

  /**
   * Checks the inputs at {@code now}: every resolved URI's availability path (done flag), latest instances scanned
   * back from {@code createdTime} (Oozie's default: the action's creation time), future ones forward from the nominal
   * time within their limit, and the input-logic (min, wait from the later of nominal and creation time, and, or,
   * combine).
   */
  public InputCheck checkInputs(MaterializedAction action, DataAvailability availability, Instant now,
      Instant createdTime) throws IOException {
    Instant nominal = action.nominalTime();
    Map<String, Checked> checked = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Event event : inputs) {
      Checked result = new Checked();
      for (Slot slot : slots(event, nominal)) {
        if (slot.uri != null) {
          boolean exists = availability.exists(event.dataset.availabilityPath(slot.uri));
          result.add(slot.uri, exists);
        } else {
          List<String> found = scan(slot.pending, event.dataset, nominal, createdTime, availability);
          if (found == null) {
            result.unresolved.add("data-in " + event.in.name() + ": " + slot.pending.describe() + " of dataset "
                + event.dataset.name() + " is not available yet");
          } else {
            found.forEach(uri -> result.add(uri, true));
          }
        }
      }
      checked.put(event.in.name(), result);
    }
    Map<String, List<String>> resolved = new LinkedHashMap<>();
    checked.forEach((name, result) -> resolved.put(name, List.copyOf(result.uris)));
    boolean ready;
    if (definition.inputLogic() == null) {
      for (Checked result : checked.values()) {
        missing.addAll(result.unresolved);
        missing.addAll(result.missing());
      }
      ready = missing.isEmpty();
    } else {
      Instant reference = createdTime.isAfter(nominal) ? createdTime : nominal;
      LogicResult result = new LogicEvaluator(checked, now, reference, resolved).evaluate(definition.inputLogic(),
          null, null);
      ready = result.satisfied;
      missing.addAll(result.missing);
    }
    return new InputCheck(ready, ready ? List.of() : missing, resolved);
  }

  /**
   * The properties of the action's workflow job: the coordinator job's properties, the action's
   * {@code <configuration>} evaluated (coord:dataIn, dataOut, nominalTime, actualTime, formatTime, …),
   * {@code oozie.wf.application.path} and {@code oozie.coord.action.nominal_time} (epoch ms, as Oozie sets it).
   * {@code inputs} may be null before a check: data-in then holds the URIs known at materialization.
   */
  public Map<String, String> workflowConf(MaterializedAction action, InputCheck inputs, Instant actualTime)
      throws WorkflowException {
    CoordElContext context = actionContext(Phase.ACTION_START, action, actualTime);
    context.inputs = inputs != null ? inputs.resolvedInputs() : action.inputs();
    Map<String, String> out = new LinkedHashMap<>(conf);
    for (Map.Entry<String, String> property : definition.action().configuration().entrySet()) {
      String name = CoordEl.evaluateChecked(property.getKey(), context, where, "a <configuration> property name");
      String value = CoordEl.evaluateChecked(property.getValue(), context, where, "the <value> of property " + name);
      out.put(name, value);
    }
    out.put(WORKFLOW_APP_PATH, CoordEl.evaluateChecked(definition.action().appPath(), context, where, "<app-path>"));
    out.put(NOMINAL_TIME_PROPERTY, String.valueOf(action.nominalTime().toEpochMilli()));
    return out;
  }

  /** SLA expected times for the action (should-start/should-end/max-duration resolved), or empty without SLA. */
  public Optional<SlaTimes> sla(MaterializedAction action) {
    SlaDefinition sla = definition.sla();
    if (sla == null) {
      return Optional.empty();
    }
    CoordElContext context = actionContext(Phase.SLA_CREATE, action, action.nominalTime());
    try {
      Instant nominal = sla.nominalTime() == null ? action.nominalTime()
          : CoordTimes.parse(CoordEl.evaluateChecked(sla.nominalTime(), context, where, "<sla:nominal-time>").trim());
      Instant shouldStart = slaTime(sla.shouldStart(), nominal, context, "<sla:should-start>");
      Instant shouldEnd = slaTime(sla.shouldEnd(), nominal, context, "<sla:should-end>");
      Duration maxDuration = null;
      if (sla.maxDuration() != null && !sla.maxDuration().isBlank()) {
        maxDuration = Duration.ofMinutes(Long.parseLong(
            CoordEl.evaluateChecked(sla.maxDuration(), context, where, "<sla:max-duration>").trim()));
      }
      return Optional.of(new SlaTimes(nominal, shouldStart, shouldEnd, maxDuration));
    } catch (WorkflowException | RuntimeException e) {
      throw new IllegalStateException("Cannot resolve the SLA of action " + action.number() + ": " + e.getMessage(),
          e);
    }
  }

  /** An SLA time: minutes after the nominal time ({@code ${10 * MINUTES}}) or a date. */
  private Instant slaTime(String text, Instant nominal, CoordElContext context, String what)
      throws WorkflowException {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = CoordEl.evaluateChecked(text, context, where, what).trim();
    if (value.matches("-?\\d+")) {
      return nominal.plus(Duration.ofMinutes(Long.parseLong(value)));
    }
    return CoordTimes.parse(value);
  }

  public record SlaTimes(Instant nominalTime, Instant shouldStart, Instant shouldEnd, Duration maxDuration) {
  }

  // ---- resolution

  private CoordElContext actionContext(Phase phase, MaterializedAction action, Instant actualTime) {
    CoordElContext context = new CoordElContext(phase, conf);
    context.identity = identity;
    context.actionNumber = action.number();
    context.nominalTime = action.nominalTime();
    context.actualTime = actualTime;
    context.coordinatorZone = definition.timezone();
    context.outputs = action.outputs();
    context.inputs = action.inputs();
    return context;
  }

  private record Event(DataIn in, Dataset dataset, List<InstanceSpec> instances, InstanceSpec start,
      InstanceSpec end) {
  }

  private record OutputEvent(DataOut out, Dataset dataset, InstanceSpec spec) {
  }

  /** A resolved URI, or a latest/future to scan for at the input check. */
  private record Slot(String uri, Pending pending) {
  }

  /** latest(start..end) or future(start..end, limit), start == end for a single instance. */
  private record Pending(boolean latest, int start, int end, int limit) {
    String describe() {
      if (latest) {
        return start == end ? "${coord:latest(" + start + ")}" : "${coord:latestRange(" + start + ", " + end + ")}";
      }
      return start == end ? "${coord:future(" + start + ", " + limit + ")}"
          : "${coord:futureRange(" + start + ", " + end + ", " + limit + ")}";
    }
  }

  private List<Slot> slots(Event event, Instant nominal) {
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
  private List<Slot> resolve(InstanceSpec spec, Dataset dataset, Instant nominal) {
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
    context.coordinatorZone = definition.timezone();
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
      context.coordinatorZone = definition.timezone();
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
  private List<String> scan(Pending pending, Dataset dataset, Instant nominal, Instant createdTime,
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
