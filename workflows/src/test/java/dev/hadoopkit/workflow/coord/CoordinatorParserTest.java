package dev.hadoopkit.workflow.coord;

import static dev.hadoopkit.workflow.coord.CoordFixtures.EXAMPLE_PROPERTIES;
import static dev.hadoopkit.workflow.coord.CoordFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.coord.time.Frequency;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoordinatorParserTest {
  private static final CoordinatorParser PARSER = new CoordinatorParser();

  private static CoordinatorDefinition parse(String xml, Map<String, String> conf) throws WorkflowException {
    return PARSER.parse(bytes(xml), "coordinator.xml", conf);
  }

  private static Map<String, String> props(String... pairs) {
    Map<String, String> out = new HashMap<>(EXAMPLE_PROPERTIES);
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  /** Asserts the code and the place: file:line:column with the given line. */
  private static WorkflowException fails(ErrorCode code, int line, String xml, Map<String, String> conf) {
    WorkflowException e = assertThrows(WorkflowException.class, () -> parse(xml, conf));
    assertEquals(code, e.code(), e.describe());
    assertEquals("coordinator.xml", e.location().file(), e.describe());
    assertEquals(line, e.location().line(), e.describe());
    assertTrue(e.location().column() > 0, e.describe());
    assertTrue(e.describe().startsWith(code + ": coordinator.xml:" + line + ":"), e.describe());
    return e;
  }

  /** A coordinator with these root attributes and nothing else wrong fails with {@code code} on line 1. */
  private static WorkflowException rootFails(ErrorCode code, String frequency, String start, String end,
      String timezone) {
    return fails(code, 1, coordinator("frequency=\"" + frequency + "\" start=\"" + start + "\" end=\"" + end
        + "\" timezone=\"" + timezone + "\"", ""), Map.of());
  }

  private static String coordinator(String attributes, String body) {
    return "<coordinator-app xmlns=\"uri:oozie:coordinator:0.5\" name=\"c\" " + attributes + ">\n"
        + body
        + "<action><workflow><app-path>hdfs://nn/app</app-path></workflow></action>\n"
        + "</coordinator-app>\n";
  }

  private static final String TIMES = "frequency=\"${coord:days(1)}\" start=\"2009-01-01T00:00Z\""
      + " end=\"2009-01-10T00:00Z\" timezone=\"UTC\"";

  private static final String HOURLY = "<datasets>\n"
      + "<dataset name=\"logs\" frequency=\"${coord:hours(1)}\" initial-instance=\"2009-01-01T00:00Z\""
      + " timezone=\"UTC\"><uri-template>hdfs://nn/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}</uri-template></dataset>\n"
      + "</datasets>\n";

  @Test
  void parsesTheCronExample() throws Exception {
    CoordinatorDefinition d = parse(CoordFixtures.CRON, props());
    assertEquals("cron-coord", d.name());
    assertEquals("uri:oozie:coordinator:0.2", d.namespace());
    assertInstanceOf(Frequency.Cron.class, d.frequency());
    assertEquals(Instant.parse("2010-01-01T01:00:00Z"), d.start());
    assertEquals(12, d.nominalTimes().totalActions());
    assertEquals(Controls.DEFAULTS, d.controls());
    assertEquals("hdfs://localhost:8020/user/joe/examples/apps/cron", d.action().appPath());
    assertEquals(List.of("resourceManager", "nameNode", "queueName"), List.copyOf(d.action().configuration().keySet()));
    assertEquals("${queueName}", d.action().configuration().get("queueName"));
  }

  @Test
  void parsesTheAggregatorExample() throws Exception {
    CoordinatorDefinition d = parse(CoordFixtures.AGGREGATOR, props());
    assertEquals(Frequency.parse("60"), d.frequency());
    assertEquals(new Controls(120, 1, Execution.FIFO, 12), d.controls());
    Dataset raw = d.datasets().get("raw-logs");
    assertEquals("hdfs://localhost:8020/user/joe/examples/input-data/rawLogs/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}",
        raw.uriTemplate());
    assertNull(raw.doneFlag());
    assertEquals(Instant.parse("2010-01-01T00:00:00Z"), raw.initialInstance());
    DataIn input = d.inputs().get(0);
    assertEquals("${coord:current(-2)}", input.startInstance());
    assertEquals("${coord:current(0)}", input.endInstance());
    assertEquals("${coord:current(0)}", d.outputs().get(0).instance());
    assertEquals("hdfs://localhost:8020/user/joe/examples/apps/aggregator", d.action().appPath());
    assertNull(d.inputLogic());
    assertNull(d.sla());
  }

  @Test
  void parsesTheInputLogicExample() throws Exception {
    CoordinatorDefinition d = parse(CoordFixtures.INPUT_LOGIC, props("root", "hdfs://nn/data"));
    InputLogic.Or or = assertInstanceOf(InputLogic.Or.class, d.inputLogic());
    assertEquals("input", or.name());
    assertEquals(List.of("input-1", "input-2"),
        or.children().stream().map(c -> ((InputLogic.DataInRef) c).dataIn()).toList());
  }

  @Test
  void parsesSlaAndControls() throws Exception {
    String xml = coordinator(TIMES, "<controls><timeout>${coord:hours(3)}</timeout><concurrency>4</concurrency>"
        + "<execution>LAST_ONLY</execution><throttle>2</throttle></controls>\n");
    assertEquals(new Controls(180, 4, Execution.LAST_ONLY, 2), parse(xml, Map.of()).controls());
    assertEquals(-1, parse(coordinator(TIMES, "<controls><timeout>-1</timeout></controls>\n"), Map.of())
        .controls().timeoutMinutes());
    SlaDefinition sla = parse(CoordFixtures.DAILY_OVER_HOURLY, Map.of()).sla();
    assertEquals("${10 * MINUTES}", sla.shouldStart());
    assertEquals("start_miss,end_miss", sla.alertEvents());
  }

  @Test
  void doneFlagAbsentEmptyAndNamed() throws Exception {
    String datasets = "<datasets>\n"
        + "<dataset name=\"a\" frequency=\"60\" initial-instance=\"2009-01-01T00:00Z\" timezone=\"UTC\">"
        + "<uri-template>hdfs://nn/a</uri-template></dataset>\n"
        + "<dataset name=\"b\" frequency=\"60\" initial-instance=\"2009-01-01T00:00Z\" timezone=\"UTC\">"
        + "<uri-template>hdfs://nn/b</uri-template><done-flag></done-flag></dataset>\n"
        + "<dataset name=\"c\" frequency=\"60\" initial-instance=\"2009-01-01T00:00Z\" timezone=\"UTC\">"
        + "<uri-template>hdfs://nn/c</uri-template><done-flag>READY</done-flag></dataset>\n"
        + "</datasets>\n";
    Map<String, Dataset> ds = parse(coordinator(TIMES, datasets), Map.of()).datasets();
    assertEquals("hdfs://nn/a/_SUCCESS", ds.get("a").availabilityPath("hdfs://nn/a"));
    assertEquals("hdfs://nn/b", ds.get("b").availabilityPath("hdfs://nn/b"));
    assertEquals("hdfs://nn/c/READY", ds.get("c").availabilityPath("hdfs://nn/c"));
  }

  @Test
  void validateReportsVariablesToDefine() throws Exception {
    Set<String> undefined = PARSER.validate(bytes(CoordFixtures.AGGREGATOR), "coordinator.xml", Map.of());
    assertEquals(Set.of("end", "examplesRoot", "nameNode", "start"), undefined);
  }

  // ---- one failing fixture per error code

  @Test
  void e0700MalformedXml() {
    fails(ErrorCode.E0700, 3, "<coordinator-app xmlns=\"uri:oozie:coordinator:0.5\">\n<controls>\n</coordinator-app>",
        Map.of());
  }

  @Test
  void e0701SchemaError() {
    WorkflowException e = fails(ErrorCode.E0701, 2, coordinator(TIMES, "<control/>\n"), Map.of());
    assertTrue(e.getMessage().contains("control"), e.getMessage());
  }

  @Test
  void e0701NotACoordinator() {
    fails(ErrorCode.E0701, 1, "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"w\"/>", Map.of());
  }

  @Test
  void e0738RequiredParameterMissing() {
    WorkflowException e = fails(ErrorCode.E0738, 2, coordinator(TIMES,
        "<parameters>\n<property><name>inputDir</name></property></parameters>\n"), Map.of());
    assertTrue(e.getMessage().contains("inputDir"), e.getMessage());
  }

  @Test
  void e1003StartNotBeforeEnd() {
    WorkflowException e = rootFails(ErrorCode.E1003, "60", "2009-01-02T00:00Z", "2009-01-01T00:00Z", "UTC");
    assertTrue(e.getMessage().contains("earlier than end"), e.getMessage());
  }

  @Test
  void e1003FrequencyUnderTheFloor() {
    rootFails(ErrorCode.E1003, "0", "2009-01-01T00:00Z", "2009-01-02T00:00Z", "UTC");
  }

  @Test
  void e1003UnknownTimezone() {
    WorkflowException e = rootFails(ErrorCode.E1003, "60", "2009-01-01T00:00Z", "2009-01-02T00:00Z",
        "Mars/Olympus");
    assertTrue(e.getMessage().contains("Mars/Olympus"), e.getMessage());
  }

  @Test
  void e1003BadDateAndExecution() {
    rootFails(ErrorCode.E1003, "60", "yesterday", "2009-01-02T00:00Z", "UTC");
    fails(ErrorCode.E1003, 3, coordinator(TIMES, "<controls>\n<execution>RANDOM</execution></controls>\n"), Map.of());
  }

  @Test
  void e1004BadElAndUndefinedVariable() {
    WorkflowException syntax = rootFails(ErrorCode.E1004, "${coord:days(1}", "2009-01-01T00:00Z", "2009-01-02T00:00Z",
        "UTC");
    assertTrue(syntax.getMessage().contains("coord:days(1"), syntax.getMessage());
    WorkflowException undefined = rootFails(ErrorCode.E1004, "60", "${startTime}", "2009-01-02T00:00Z", "UTC");
    assertTrue(undefined.getMessage().contains("startTime"), undefined.getMessage());
    // a function of another phase: coord:current in the start attribute
    rootFails(ErrorCode.E1004, "60", "${coord:current(0)}", "2009-01-02T00:00Z", "UTC");
  }

  @Test
  void e1004DataInOfUnknownName() {
    String xml = "<coordinator-app xmlns=\"uri:oozie:coordinator:0.5\" name=\"c\" " + TIMES + ">\n"
        + "<action><workflow><app-path>hdfs://nn/app</app-path><configuration>\n"
        + "<property><name>in</name><value>${coord:dataIn('nope')}</value></property>\n"
        + "</configuration></workflow></action></coordinator-app>";
    fails(ErrorCode.E1004, 3, xml, Map.of());
  }

  @Test
  void e0803UnknownDatasetAndDuplicateEvent() {
    WorkflowException e = fails(ErrorCode.E0803, 6, coordinator(TIMES, HOURLY + "<input-events>\n"
        + "<data-in name=\"in\" dataset=\"nope\"><instance>${coord:current(0)}</instance></data-in>\n"
        + "</input-events>\n"), Map.of());
    assertTrue(e.getMessage().contains("undefined dataset: nope"), e.getMessage());
    fails(ErrorCode.E0803, 7, coordinator(TIMES, HOURLY + "<input-events>\n"
        + "<data-in name=\"in\" dataset=\"logs\"><instance>${coord:current(0)}</instance></data-in>\n"
        + "<data-in name=\"in\" dataset=\"logs\"><instance>${coord:current(-1)}</instance></data-in>\n"
        + "</input-events>\n"), Map.of());
  }

  @Test
  void e1021BadInstances() {
    fails(ErrorCode.E1021, 6, coordinator(TIMES, HOURLY + "<input-events>\n"
        + "<data-in name=\"in\" dataset=\"logs\"><instance>  </instance></data-in>\n</input-events>\n"), Map.of());
    WorkflowException several = fails(ErrorCode.E1021, 6, coordinator(TIMES, HOURLY + "<input-events>\n"
        + "<data-in name=\"in\" dataset=\"logs\"><instance>${coord:current(0)},${coord:current(-1)}</instance>"
        + "</data-in>\n</input-events>\n"), Map.of());
    assertTrue(several.getMessage().contains("more than one date instance"), several.getMessage());
    fails(ErrorCode.E1021, 6, coordinator(TIMES, HOURLY + "<input-events>\n"
        + "<data-in name=\"in\" dataset=\"logs\"><start-instance>${coord:current(-3)}</start-instance>"
        + "<end-instance>${coord:latest(0)}</end-instance></data-in>\n</input-events>\n"), Map.of());
  }

  @Test
  void e1021InitialInstanceBefore1970() {
    fails(ErrorCode.E1021, 3, coordinator(TIMES, "<datasets>\n<dataset name=\"old\" frequency=\"60\""
        + " initial-instance=\"1969-12-31T00:00Z\" timezone=\"UTC\">\n<uri-template>hdfs://nn/x</uri-template>"
        + "</dataset></datasets>\n"), Map.of());
  }

  @Test
  void e1028InputLogicReferencesUnknownDataIn() {
    fails(ErrorCode.E1028, 9, coordinator(TIMES, HOURLY + "<input-events>\n"
        + "<data-in name=\"in\" dataset=\"logs\"><instance>${coord:current(0)}</instance></data-in>\n"
        + "</input-events>\n<input-logic>\n<data-in dataset=\"logs\"/>\n</input-logic>\n"), Map.of());
  }

  @Test
  void e1001UnreadableInclude() {
    fails(ErrorCode.E1001, 3, coordinator(TIMES, "<datasets>\n"
        + "<include>/no/such/datasets.xml</include>\n</datasets>\n"), Map.of());
  }
}
