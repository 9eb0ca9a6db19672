package dev.hadoopkit.workflow.coord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTest {
  private static final Configuration HADOOP = new Configuration();

  @TempDir
  Path dir;

  private static final String ORDERED = """
      <coordinator-app name="${appName}" frequency="${freq}" start="2009-01-01T00:00Z" end="2009-01-02T00:00Z"
                       timezone="UTC" xmlns="uri:oozie:coordinator:0.4">
        <parameters>
          <property><name>appName</name><value>from-parameters</value></property>
          <property><name>freq</name><value>60</value></property>
          <property><name>a</name><value>parameters</value></property>
          <property><name>b</name><value>parameters</value></property>
          <property><name>c</name><value>parameters</value></property>
          <property><name>d</name><value>parameters</value></property>
        </parameters>
        <action><workflow><app-path>hdfs://nn/${a}/${b}/${c}/${d}</app-path></workflow></action>
      </coordinator-app>
      """;

  private static String configuration(String... pairs) {
    StringBuilder out = new StringBuilder("<configuration>");
    for (int i = 0; i < pairs.length; i += 2) {
      out.append("<property><name>").append(pairs[i]).append("</name><value>").append(pairs[i + 1])
          .append("</value></property>");
    }
    return out.append("</configuration>").toString();
  }

  @Test
  void propertiesResolveInOozieOrder() throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("coordinator.xml"), ORDERED);
    Files.writeString(app.resolve("config-default.xml"), configuration("a", "default", "b", "default", "c", "default"));
    Map<String, String> jobProperties = Map.of(CoordinatorSubmission.APP_PATH, app.toUri().toString(),
        "a", "job", "b", "job", "appName", "${b}-app");
    CoordinatorSubmission submission = CoordinatorSubmission.prepare(jobProperties, Map.of("a", "cli"), HADOOP);
    assertEquals("hdfs://nn/cli/job/default/parameters", submission.definition().action().appPath());
    assertEquals("job-app", submission.definition().name());
    assertEquals("cli", submission.conf().get("a"));
    assertEquals("parameters", submission.conf().get("d"));
    assertTrue(submission.appPath().endsWith("/app"), submission.appPath());
    // the coordinator.xml itself as the app path
    CoordinatorSubmission byFile = CoordinatorSubmission.prepare(Map.of(CoordinatorSubmission.APP_PATH,
        app.resolve("coordinator.xml").toString()), Map.of(), HADOOP);
    assertEquals("hdfs://nn/default/default/default/parameters", byFile.definition().action().appPath());
  }

  @Test
  void missingAndUnreadableAppPaths() {
    WorkflowException none = assertThrows(WorkflowException.class,
        () -> CoordinatorSubmission.prepare(Map.of(), Map.of(), HADOOP));
    assertEquals(ErrorCode.E1002, none.code());
    WorkflowException missing = assertThrows(WorkflowException.class, () -> CoordinatorSubmission.prepare(
        Map.of(CoordinatorSubmission.APP_PATH, dir.resolve("nope").toString()), Map.of(), HADOOP));
    assertEquals(ErrorCode.E1002, missing.code());
  }

  @Test
  void bundleWithTwoCoordinators() throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("bundle.xml"), CoordFixtures.BUNDLE);
    for (String name : List.of("coord-1", "coord-2")) {
      Path coord = Files.createDirectories(dir.resolve(name));
      Files.writeString(coord.resolve("coordinator.xml"), """
          <coordinator-app name="inner" frequency="${coord:days(1)}" start="${start}" end="${end}" timezone="UTC"
                           xmlns="uri:oozie:coordinator:0.2">
            <action><workflow><app-path>hdfs://nn/wf-${flavor}</app-path></workflow></action>
          </coordinator-app>
          """);
    }
    Map<String, String> jobProperties = Map.of(BundleSubmission.APP_PATH, bundle.toUri().toString(),
        "appRoot", dir.toUri().toString().replaceAll("/$", ""), "start", "2009-01-01T00:00Z",
        "end", "2009-01-05T00:00Z", "flavor", "bundle");
    BundleSubmission submission = BundleSubmission.prepare(jobProperties, Map.of(), HADOOP);
    BundleDefinition definition = submission.definition();
    assertEquals("bundle-app", definition.name());
    assertEquals(Instant.parse("2009-02-01T00:00:00Z"), definition.kickOffTime());
    assertEquals(List.of("coord-1", "coord-2"), definition.coordinators().stream().map(BundleCoordinator::name)
        .toList());
    assertTrue(definition.coordinators().get(1).critical());
    Map<String, Map<String, String>> properties = submission.coordinatorProperties();
    assertEquals("one", properties.get("coord-1").get("flavor"));
    assertEquals("two", properties.get("coord-2").get("flavor"));
    assertEquals(dir.toUri().toString().replaceAll("/$", "") + "/coord-2",
        properties.get("coord-2").get(CoordinatorSubmission.APP_PATH));
    CoordinatorSubmission first = submission.submit(definition.coordinators().get(0), "0000001-B", HADOOP);
    assertEquals("coord-1", first.definition().name());
    assertEquals("hdfs://nn/wf-one", first.definition().action().appPath());
    assertEquals("0000001-B", first.conf().get(BundleSubmission.BUNDLE_ID));
    assertEquals(4, first.definition().nominalTimes().totalActions());
    assertEquals("hdfs://nn/wf-two",
        submission.submit(definition.coordinators().get(1), null, HADOOP).definition().action().appPath());
  }

  @Test
  void bundleErrorCodes() {
    BundleParser parser = new BundleParser();
    String duplicate = "<bundle-app name='b' xmlns='uri:oozie:bundle:0.2'>\n"
        + "<coordinator name='c'><app-path>/a</app-path></coordinator>\n"
        + "<coordinator name='c'><app-path>/b</app-path></coordinator>\n</bundle-app>";
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> parser.parse(CoordFixtures.bytes(duplicate), "bundle.xml", Map.of()));
    assertEquals(ErrorCode.E1304, e.code());
    assertEquals(3, e.location().line());
    String empty = "<bundle-app name='b' xmlns='uri:oozie:bundle:0.2'>\n"
        + "<coordinator name='${none}'><app-path>/a</app-path></coordinator>\n</bundle-app>";
    assertEquals(ErrorCode.E1305, assertThrows(WorkflowException.class,
        () -> parser.parse(CoordFixtures.bytes(empty), "bundle.xml", Map.of("none", ""))).code());
    assertEquals(ErrorCode.E1004, assertThrows(WorkflowException.class,
        () -> parser.parse(CoordFixtures.bytes(empty), "bundle.xml", Map.of())).code());
    String schema = "<bundle-app name='b' xmlns='uri:oozie:bundle:0.2'>\n<controls/>\n</bundle-app>";
    WorkflowException xsd = assertThrows(WorkflowException.class,
        () -> parser.parse(CoordFixtures.bytes(schema), "bundle.xml", Map.of()));
    assertEquals(ErrorCode.E0701, xsd.code());
    assertEquals(3, xsd.location().line());
    String kickOff = "<bundle-app name='b' xmlns='uri:oozie:bundle:0.1'>\n<controls><kick-off-time>soon"
        + "</kick-off-time></controls>\n<coordinator name='c'><app-path>/a</app-path></coordinator>\n</bundle-app>";
    assertEquals(ErrorCode.E1310, assertThrows(WorkflowException.class,
        () -> parser.parse(CoordFixtures.bytes(kickOff), "bundle.xml", Map.of())).code());
  }
}
