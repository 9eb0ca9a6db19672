package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
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

/**
 * Materializes the actions of a submitted coordinator as Oozie does: action n's nominal time, its data-in URIs
 * (current/offset/absolute now, latest/future at the input check), data-out URIs, the input check (done flags,
 * latest/future scanning, input-logic) and the workflow job properties. Instances are pre-parsed once, so an action
 * costs no XML and, for the usual forms, no EL ({@link InstanceResolver}). Thread-safe.
 */
public final class CoordinatorMaterializer {
  /** The workflow property Oozie sets to the action's nominal time in epoch milliseconds. */
  public static final String NOMINAL_TIME_PROPERTY = "oozie.coord.action.nominal_time";
  public static final String WORKFLOW_APP_PATH = "oozie.wf.application.path";

  private final CoordinatorDefinition definition;
  private final Map<String, String> conf;
  private final CoordIdentity identity;
  private final NominalTimes nominalTimes;
  private final List<InstanceResolver.Event> inputs = new ArrayList<>();
  private final List<OutputEvent> outputs = new ArrayList<>();
  private final Location where;
  private final InstanceResolver instances;

  public CoordinatorMaterializer(CoordinatorDefinition definition, Map<String, String> conf, CoordIdentity identity) {
    this.definition = definition;
    this.conf = Map.copyOf(conf);
    this.identity = identity;
    this.nominalTimes = definition.nominalTimes();
    this.where = Location.of(definition.file());
    this.instances = new InstanceResolver(this.conf, definition.timezone(), identity, where);
    for (DataIn in : definition.inputs()) {
      Dataset dataset = definition.datasets().get(in.dataset());
      if (in.isRange()) {
        inputs.add(new InstanceResolver.Event(in, dataset, List.of(), InstanceSpec.parse(in.startInstance()),
            InstanceSpec.parse(in.endInstance())));
      } else {
        inputs.add(new InstanceResolver.Event(in, dataset, in.instances().stream().map(InstanceSpec::parse).toList(),
            null, null));
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
    for (InstanceResolver.Event event : inputs) {
      List<InstanceResolver.Slot> slots = instances.slots(event, nominal);
      List<String> uris = new ArrayList<>();
      for (InstanceResolver.Slot slot : slots) {
        if (slot.uri() != null) {
          uris.add(slot.uri());
        } else {
          pending.add("data-in " + event.in().name() + ": " + slot.pending().describe() + " of dataset "
              + event.dataset().name());
        }
      }
      in.put(event.in().name(), uris);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (OutputEvent event : outputs) {
      List<String> uris = new ArrayList<>();
      for (InstanceResolver.Slot slot : instances.resolve(event.spec(), event.dataset(), nominal)) {
        if (slot.uri() != null) {
          uris.add(slot.uri());
        }
      }
      out.put(event.out().name(), uris);
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
    Map<String, LogicEvaluator.Checked> checked = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (InstanceResolver.Event event : inputs) {
      LogicEvaluator.Checked result = new LogicEvaluator.Checked();
      for (InstanceResolver.Slot slot : instances.slots(event, nominal)) {
        if (slot.uri() != null) {
          boolean exists = availability.exists(event.dataset().availabilityPath(slot.uri()));
          result.add(slot.uri(), exists);
        } else {
          List<String> found = instances.scan(slot.pending(), event.dataset(), nominal, createdTime, availability);
          if (found == null) {
            result.unresolved.add("data-in " + event.in().name() + ": " + slot.pending().describe() + " of dataset "
                + event.dataset().name() + " is not available yet");
          } else {
            found.forEach(uri -> result.add(uri, true));
          }
        }
      }
      checked.put(event.in().name(), result);
    }
    Map<String, List<String>> resolved = new LinkedHashMap<>();
    checked.forEach((name, result) -> resolved.put(name, List.copyOf(result.uris)));
    boolean ready;
    if (definition.inputLogic() == null) {
      for (LogicEvaluator.Checked result : checked.values()) {
        missing.addAll(result.unresolved);
        missing.addAll(result.missing());
      }
      ready = missing.isEmpty();
    } else {
      Instant reference = createdTime.isAfter(nominal) ? createdTime : nominal;
      LogicEvaluator.LogicResult result = new LogicEvaluator(checked, now, reference, resolved)
          .evaluate(definition.inputLogic(), null, null);
      ready = result.satisfied();
      missing.addAll(result.missing());
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

  private record OutputEvent(DataOut out, Dataset dataset, InstanceSpec spec) {
  }

}
