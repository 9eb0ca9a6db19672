package dev.hadoopkit.workflow.coord;

import static dev.hadoopkit.workflow.coord.CoordFixtures.EXAMPLE_PROPERTIES;
import static dev.hadoopkit.workflow.coord.CoordFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorMaterializerTest {
  private static final CoordIdentity JOB = new CoordIdentity("0000001-200101000000000-oozie-C", "app", "joe");
  private static final DataAvailability LOCAL = path -> Files.exists(Path.of(java.net.URI.create(path)));

  @TempDir
  Path dir;

  private static CoordinatorMaterializer materializer(String xml, Map<String, String> conf) throws Exception {
    CoordinatorDefinition definition = new CoordinatorParser().parse(bytes(xml), "coordinator.xml", conf);
    return new CoordinatorMaterializer(definition, conf, JOB);
  }

  private String root() {
    return dir.toUri().toString().replaceAll("/$", "");
  }

  private void touch(String relative) throws IOException {
    Path path = dir.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.createFile(path);
  }

  /** A coordinator over a local hourly dataset with the given done flag element and data-in body. */
  private String local(String doneFlag, String dataIn) {
    return "<coordinator-app xmlns=\"uri:oozie:coordinator:0.4\" name=\"c\" frequency=\"${coord:hours(1)}\""
        + " start=\"2009-01-01T10:00Z\" end=\"2009-01-02T00:00Z\" timezone=\"UTC\">"
        + "<datasets><dataset name=\"logs\" frequency=\"${coord:hours(1)}\" initial-instance=\"2009-01-01T00:00Z\""
        + " timezone=\"UTC\"><uri-template>" + root() + "/logs/${YEAR}${MONTH}${DAY}${HOUR}</uri-template>"
        + doneFlag + "</dataset></datasets>"
        + "<input-events><data-in name=\"in\" dataset=\"logs\">" + dataIn + "</data-in></input-events>"
        + "<action><workflow><app-path>" + root() + "/app</app-path><configuration>"
        + "<property><name>input</name><value>${coord:dataIn('in')}</value></property>"
        + "</configuration></workflow></action></coordinator-app>";
  }

  @Test
  void dailyOverHourlyGives24UrisNewestFirst() throws Exception {
    CoordinatorMaterializer m = materializer(CoordFixtures.DAILY_OVER_HOURLY, Map.of());
    MaterializedAction action = m.action(1).orElseThrow();
    assertEquals(Instant.parse("2009-01-02T00:00:00Z"), action.nominalTime());
    List<String> uris = action.inputs().get("inputLogs");
    assertEquals(24, uris.size());
    assertEquals("hdfs://bar:8020/app/logs/2009/01/02/00", uris.get(0));
    assertEquals("hdfs://bar:8020/app/logs/2009/01/01/23", uris.get(1));
    assertEquals("hdfs://bar:8020/app/logs/2009/01/01/01", uris.get(23));
    assertTrue(action.pendingLatestFuture().isEmpty());
    assertEquals(Instant.parse("2009-01-03T00:00:00Z"), m.action(2).orElseThrow().nominalTime());
  }

  @Test
  void instancesBeforeTheInitialInstanceAreLeftOut() throws Exception {
    String xml = CoordFixtures.DAILY_OVER_HOURLY.replace("start=\"2009-01-02T00:00Z\"", "start=\"2009-01-01T05:00Z\"");
    MaterializedAction action = materializer(xml, Map.of()).action(1).orElseThrow();
    assertEquals(6, action.inputs().get("inputLogs").size());
    assertEquals("hdfs://bar:8020/app/logs/2009/01/01/00", action.inputs().get("inputLogs").get(5));
  }

  @Test
  void noActionAtOrAfterTheEnd() throws Exception {
    CoordinatorMaterializer m = materializer(CoordFixtures.AGGREGATOR, EXAMPLE_PROPERTIES);
    assertEquals(2, m.totalActions());
    assertTrue(m.action(2).isPresent());
    assertEquals(Optional.empty(), m.action(3));
  }

  @Test
  void aggregatorWorkflowConf() throws Exception {
    CoordinatorMaterializer m = materializer(CoordFixtures.AGGREGATOR, EXAMPLE_PROPERTIES);
    MaterializedAction action = m.action(1).orElseThrow();
    String raw = "hdfs://localhost:8020/user/joe/examples/input-data/rawLogs/2010/01/01/";
    assertEquals(List.of(raw + "01/00", raw + "00/40", raw + "00/20"), action.inputs().get("input"));
    Map<String, String> conf = m.workflowConf(action, null, Instant.parse("2010-01-01T01:05:00Z"));
    assertEquals(raw + "01/00," + raw + "00/40," + raw + "00/20", conf.get("inputData"));
    assertEquals("hdfs://localhost:8020/user/joe/examples/output-data/aggregator/aggregatedLogs/2010/01/01/01",
        conf.get("outputData"));
    assertEquals("2010-01-01 01", conf.get("hour"));
    assertEquals("hdfs://localhost:8020/user/joe/examples/apps/aggregator", conf.get("oozie.wf.application.path"));
    assertEquals(String.valueOf(Instant.parse("2010-01-01T01:00:00Z").toEpochMilli()),
        conf.get("oozie.coord.action.nominal_time"));
    assertEquals("default", conf.get("queueName"));
  }

  @Test
  void workflowConfFunctions() throws Exception {
    String xml = local("", "<instance>${coord:current(0)}</instance>").replace(
        "<property><name>input</name>",
        "<property><name>id</name><value>${coord:actionId()}</value></property>"
            + "<property><name>name</name><value>${coord:name()}</value></property>"
            + "<property><name>user</name><value>${coord:user()}</value></property>"
            + "<property><name>nominal</name><value>${coord:nominalTime()}</value></property>"
            + "<property><name>actual</name><value>${coord:actualTime()}</value></property>"
            + "<property><name>yesterday</name><value>${coord:dateOffset(coord:nominalTime(), -1, 'DAY')}</value>"
            + "</property><property><name>epoch</name><value>${coord:epochTime(coord:nominalTime(), 'false')}"
            + "</value></property><property><name>q</name><value>${coord:conf('queue')}</value></property>"
            + "<property><name>input</name>");
    CoordinatorMaterializer m = materializer(xml, Map.of("queue", "etl"));
    MaterializedAction action = m.action(2).orElseThrow();
    Map<String, String> conf = m.workflowConf(action, null, Instant.parse("2009-01-01T11:30:00Z"));
    assertEquals(JOB.jobId() + "@2", conf.get("id"));
    assertEquals("app", conf.get("name"));
    assertEquals("joe", conf.get("user"));
    assertEquals("2009-01-01T11:00Z", conf.get("nominal"));
    assertEquals("2009-01-01T11:30Z", conf.get("actual"));
    assertEquals("2008-12-31T11:00Z", conf.get("yesterday"));
    assertEquals(String.valueOf(Instant.parse("2009-01-01T11:00:00Z").getEpochSecond()), conf.get("epoch"));
    assertEquals("etl", conf.get("q"));
    assertEquals(root() + "/logs/2009010111", conf.get("input"));
  }

  @Test
  void doneFlagVariants() throws Exception {
    String instance = "<instance>${coord:current(0)}</instance>";
    // absent element: _SUCCESS in the directory
    CoordinatorMaterializer absent = materializer(local("", instance), Map.of());
    MaterializedAction action = absent.action(1).orElseThrow();
    Instant now = Instant.parse("2009-01-01T10:30:00Z");
    InputCheck check = absent.checkInputs(action, LOCAL, now);
    assertFalse(check.ready());
    assertEquals(List.of(root() + "/logs/2009010110"), check.missing());
    Files.createDirectories(dir.resolve("logs/2009010110"));
    assertFalse(absent.checkInputs(action, LOCAL, now).ready());
    touch("logs/2009010110/_SUCCESS");
    assertTrue(absent.checkInputs(action, LOCAL, now).ready());
    // empty element: the directory is enough
    CoordinatorMaterializer empty = materializer(local("<done-flag/>", instance), Map.of());
    Files.createDirectories(dir.resolve("logs/2009010111"));
    assertTrue(empty.checkInputs(empty.action(2).orElseThrow(), LOCAL, now).ready());
    // a named flag
    CoordinatorMaterializer named = materializer(local("<done-flag>READY</done-flag>", instance), Map.of());
    MaterializedAction third = named.action(3).orElseThrow();
    Files.createDirectories(dir.resolve("logs/2009010112"));
    touch("logs/2009010112/_SUCCESS");
    assertFalse(named.checkInputs(third, LOCAL, now).ready());
    touch("logs/2009010112/READY");
    assertTrue(named.checkInputs(third, LOCAL, now).ready());
  }

  @Test
  void latestScansBackFromTheCreationTime() throws Exception {
    CoordinatorMaterializer m = materializer(local("<done-flag/>", "<instance>${coord:latest(0)}</instance>"
        + "<instance>${coord:latest(-1)}</instance>"), Map.of());
    MaterializedAction action = m.action(1).orElseThrow();
    assertEquals(List.of(), action.inputs().get("in"));
    assertEquals(2, action.pendingLatestFuture().size());
    Instant created = Instant.parse("2009-01-01T10:10:00Z");
    InputCheck none = m.checkInputs(action, LOCAL, created, created);
    assertFalse(none.ready());
    assertTrue(none.missing().get(0).contains("${coord:latest(0)}"), none.missing().toString());
    Files.createDirectories(dir.resolve("logs/2009010107"));
    Files.createDirectories(dir.resolve("logs/2009010104"));
    Files.createDirectories(dir.resolve("logs/2009010112")); // after the creation time: not seen
    InputCheck check = m.checkInputs(action, LOCAL, created, created);
    assertTrue(check.ready(), check.missing().toString());
    assertEquals(List.of(root() + "/logs/2009010107", root() + "/logs/2009010104"), check.resolvedInputs().get("in"));
    Map<String, String> conf = m.workflowConf(action, check, created);
    assertEquals(root() + "/logs/2009010107," + root() + "/logs/2009010104", conf.get("input"));
  }

  @Test
  void latestRangeNewestFirst() throws Exception {
    CoordinatorMaterializer m = materializer(local("<done-flag/>",
        "<start-instance>${coord:latest(-2)}</start-instance><end-instance>${coord:latest(0)}</end-instance>"),
        Map.of());
    MaterializedAction action = m.action(1).orElseThrow();
    for (String hour : List.of("03", "05", "08", "09")) {
      Files.createDirectories(dir.resolve("logs/20090101" + hour));
    }
    InputCheck check = m.checkInputs(action, LOCAL, action.nominalTime(), action.nominalTime());
    assertEquals(List.of(root() + "/logs/2009010109", root() + "/logs/2009010108", root() + "/logs/2009010105"),
        check.resolvedInputs().get("in"));
  }

  @Test
  void futureScansForwardWithinItsLimit() throws Exception {
    CoordinatorMaterializer m = materializer(local("<done-flag/>", "<instance>${coord:future(1, 3)}</instance>"),
        Map.of());
    MaterializedAction action = m.action(1).orElseThrow(); // 10:00
    Instant now = Instant.parse("2009-01-01T16:00:00Z");
    Files.createDirectories(dir.resolve("logs/2009010111"));
    assertFalse(m.checkInputs(action, LOCAL, now).ready()); // future(0) found, future(1) not yet
    Files.createDirectories(dir.resolve("logs/2009010115")); // beyond the limit of 3 instances
    assertFalse(m.checkInputs(action, LOCAL, now).ready());
    Files.createDirectories(dir.resolve("logs/2009010113"));
    InputCheck check = m.checkInputs(action, LOCAL, now);
    assertTrue(check.ready());
    assertEquals(List.of(root() + "/logs/2009010113"), check.resolvedInputs().get("in"));
  }

  @Test
  void inputLogicOrTakesTheFirstAvailableAlternative() throws Exception {
    Map<String, String> conf = new HashMap<>(EXAMPLE_PROPERTIES);
    conf.put("root", root());
    String xml = CoordFixtures.INPUT_LOGIC.replace("</uri-template>", "</uri-template><done-flag/>");
    CoordinatorMaterializer m = materializer(xml, conf);
    MaterializedAction action = m.action(1).orElseThrow(); // 01:00: instances 01:00, 00:40, 00:20
    Instant now = Instant.parse("2010-01-01T01:10:00Z");
    InputCheck waiting = m.checkInputs(action, LOCAL, now);
    assertFalse(waiting.ready());
    assertTrue(waiting.missing().contains(root() + "/rawLogs/2010/01/01/01/00"), waiting.missing().toString());
    for (String at : List.of("01/00", "00/40", "00/20")) {
      Files.createDirectories(dir.resolve("rawLogs-2/2010/01/01/" + at));
    }
    InputCheck check = m.checkInputs(action, LOCAL, now);
    assertTrue(check.ready(), check.missing().toString());
    String second = root() + "/rawLogs-2/2010/01/01/";
    assertEquals(second + "01/00," + second + "00/40," + second + "00/20",
        m.workflowConf(action, check, now).get("inputData"));
  }

  @Test
  void inputLogicMinAndCombine() throws Exception {
    String datasets = "<datasets>"
        + "<dataset name=\"a\" frequency=\"60\" initial-instance=\"2009-01-01T00:00Z\" timezone=\"UTC\">"
        + "<uri-template>" + root() + "/a/${HOUR}</uri-template><done-flag/></dataset>"
        + "<dataset name=\"b\" frequency=\"60\" initial-instance=\"2009-01-01T00:00Z\" timezone=\"UTC\">"
        + "<uri-template>" + root() + "/b/${HOUR}</uri-template><done-flag/></dataset></datasets>"
        + "<input-events>"
        + "<data-in name=\"A\" dataset=\"a\"><start-instance>${coord:current(-2)}</start-instance>"
        + "<end-instance>${coord:current(0)}</end-instance></data-in>"
        + "<data-in name=\"B\" dataset=\"b\"><start-instance>${coord:current(-2)}</start-instance>"
        + "<end-instance>${coord:current(0)}</end-instance></data-in></input-events>";
    String head = "<coordinator-app xmlns=\"uri:oozie:coordinator:0.5\" name=\"c\" frequency=\"60\""
        + " start=\"2009-01-01T10:00Z\" end=\"2009-01-02T00:00Z\" timezone=\"UTC\">" + datasets;
    String tail = "<action><workflow><app-path>hdfs://nn/app</app-path></workflow></action></coordinator-app>";
    Files.createDirectories(dir.resolve("a/10"));
    Files.createDirectories(dir.resolve("b/09"));
    Files.createDirectories(dir.resolve("b/08"));
    Instant now = Instant.parse("2009-01-01T10:30:00Z");
    CoordinatorMaterializer combine = materializer(head + "<input-logic><combine name=\"AB\"><data-in dataset=\"A\"/>"
        + "<data-in dataset=\"B\"/></combine></input-logic>" + tail, Map.of());
    MaterializedAction action = combine.action(1).orElseThrow();
    InputCheck combined = combine.checkInputs(action, LOCAL, now);
    assertTrue(combined.ready(), combined.missing().toString());
    assertEquals(List.of(root() + "/a/10", root() + "/b/09", root() + "/b/08"), combined.resolvedInputs().get("AB"));
    CoordinatorMaterializer min = materializer(head + "<input-logic><data-in name=\"some\" dataset=\"A\" min=\"1\"/>"
        + "</input-logic>" + tail, Map.of());
    InputCheck some = min.checkInputs(min.action(1).orElseThrow(), LOCAL, now);
    assertTrue(some.ready());
    assertEquals(List.of(root() + "/a/10"), some.resolvedInputs().get("some"));
    CoordinatorMaterializer minWait = materializer(head + "<input-logic><data-in dataset=\"A\" min=\"1\""
        + " wait=\"60\"/></input-logic>" + tail, Map.of());
    MaterializedAction first = minWait.action(1).orElseThrow();
    assertFalse(minWait.checkInputs(first, LOCAL, now, first.nominalTime()).ready()); // waits for more until 11:00
    assertTrue(minWait.checkInputs(first, LOCAL, Instant.parse("2009-01-01T11:00:00Z"), first.nominalTime()).ready());
  }

  @Test
  void slaTimes() throws Exception {
    CoordinatorMaterializer m = materializer(CoordFixtures.DAILY_OVER_HOURLY, Map.of());
    CoordinatorMaterializer.SlaTimes sla = m.sla(m.action(1).orElseThrow()).orElseThrow();
    Instant nominal = Instant.parse("2009-01-02T00:00:00Z");
    assertEquals(nominal, sla.nominalTime());
    assertEquals(nominal.plus(Duration.ofMinutes(10)), sla.shouldStart());
    assertEquals(nominal.plus(Duration.ofHours(2)), sla.shouldEnd());
    assertEquals(Duration.ofMinutes(90), sla.maxDuration());
    assertEquals(Optional.empty(), materializer(CoordFixtures.AGGREGATOR, EXAMPLE_PROPERTIES)
        .sla(materializer(CoordFixtures.AGGREGATOR, EXAMPLE_PROPERTIES).action(1).orElseThrow()));
  }

  @Test
  void tenThousandActions() throws Exception {
    String xml = CoordFixtures.DAILY_OVER_HOURLY.replace("${coord:days(1)}", "${coord:hours(1)}")
        .replace("end=\"2009-12-31T00:00Z\"", "end=\"2010-12-31T00:00Z\"");
    CoordinatorMaterializer m = materializer(xml, Map.of());
    List<MaterializedAction> actions = new ArrayList<>();
    for (int n = 1; n <= 10_000; n++) {
      actions.add(m.action(n).orElseThrow());
    }
    MaterializedAction last = actions.get(9_999);
    Instant nominal = Instant.parse("2009-01-02T00:00:00Z").plus(Duration.ofHours(9_999));
    assertEquals(nominal, last.nominalTime());
    assertEquals(24, last.inputs().get("inputLogs").size());
    java.time.ZonedDateTime t = nominal.atZone(java.time.ZoneOffset.UTC);
    assertEquals(String.format("hdfs://bar:8020/app/logs/%04d/%02d/%02d/%02d", t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), t.getHour()), last.inputs().get("inputLogs").get(0));
  }
}
