package dev.hadoopkit.workflow.el;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElEvaluatorTest {
  private final ElEvaluator el = new ElEvaluator();
  private final Map<String, String> vars = Map.of("nameNode", "hdfs://nn:8020", "user.name", "alice",
      "queue", " etl ", "a.b.c", "deep");

  private String eval(String text) throws ElException {
    return el.evaluateString(text, ElScope.forRun(vars, new FakeRun()));
  }

  @Test
  void resolvesVariablesIncludingDottedNames() throws Exception {
    assertEquals("hdfs://nn:8020/user/alice/x", eval("${nameNode}/user/${user.name}/x"));
    assertEquals("deep", eval("${a.b.c}"));
    assertEquals("no el here", eval("no el here"));
  }

  @ParameterizedTest(name = "{1} = {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ab        | ${concat('a', 'b')}
      etl       | ${trim(queue)}
      a-b-c     | ${replaceAll('a b c', ' ', '-')}
      /a/x,/b/x | ${appendAll('/a,/b', '/x', ',')}
      second    | ${firstNotNull(null, 'second')}
      """)
  void basicFunctions(String expected, String text) throws Exception {
    assertEquals(expected, eval(text));
  }

  @Test
  void encodingAndTimeFunctions() throws Exception {
    assertEquals(URLEncoder.encode("a b&c", StandardCharsets.UTF_8), eval("${urlEncode('a b&c')}"));
    assertTrue(eval("${timestamp()}").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ"));
  }

  @ParameterizedTest(name = "{1} = {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      1048576             | ${MB}
      true                | ${2 * KB eq 2048}
      MAP_INPUT_RECORDS   | ${MAP_IN}
      REDUCE_INPUT_GROUPS | ${GROUPS}
      """)
  void sizeAndCounterConstants(String expected, String text) throws Exception {
    assertEquals(expected, eval(text));
  }

  @Test
  void petabyteConstant() throws Exception {
    assertEquals(String.valueOf(1024L * 1024 * 1024 * 1024 * 1024), eval("${PB}"));
  }

  @ParameterizedTest(name = "{1} = {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      0000001-x-hk-W | ${wf:id()}
      alice          | ${wf:user()}
      2              | ${wf:run()}
      v1             | ${wf:actionData('sh')['k1']}
      job_1          | ${wf:actionExternalId('mr')}
      mr             | ${wf:lastErrorNode()}
      boom           | ${wf:errorMessage(wf:lastErrorNode())}
      etl            | ${trim(wf:conf('queue'))}
      """)
  void workflowFunctions(String expected, String text) throws Exception {
    assertEquals(expected, eval(text));
  }

  @Test
  void hadoopCounters() throws Exception {
    assertTrue(el.evaluateBoolean("${hadoop:counters('mr')[RECORDS][MAP_IN] gt 10}",
        ElScope.forRun(vars, new FakeRun())));
    assertFalse(el.evaluateBoolean("${hadoop:counters('mr')[RECORDS][REDUCE_OUT] gt 10}",
        ElScope.forRun(vars, new FakeRun())));
  }

  @Test
  void fsFunctionsUseHadoopFileSystem(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f.txt"), "12345");
    Files.writeString(dir.resolve("g.txt"), "123");
    String uri = file.toUri().toString();
    assertEquals("true", eval("${fs:exists('" + uri + "')}"));
    assertEquals("false", eval("${fs:exists('" + uri + ".missing')}"));
    assertEquals("5", eval("${fs:fileSize('" + uri + "')}"));
    assertEquals("true", eval("${fs:isDir('" + dir.toUri() + "')}"));
    assertEquals("8", eval("${fs:dirSize('" + dir.toUri() + "')}"));
    assertEquals("-1", eval("${fs:fileSize('" + dir.toUri() + "')}"));
    assertTrue(Long.parseLong(eval("${fs:blockSize('" + uri + "')}")) > 0);
  }

  @Test
  void undefinedVariableFailsAtRunTimeAndIsListedInCheckMode() throws Exception {
    ElException e = assertThrows(ElException.class, () -> eval("${nope}/x"));
    assertTrue(e.getMessage().contains("[nope]"), e.getMessage());
    ElScope check = ElScope.forCheck(vars);
    el.evaluate("${nope}/${also.missing}/${nameNode}/${wf:id()}/${concat(x, 'y')}", Object.class, check);
    assertEquals(Set.of("nope", "also.missing", "x"), check.missing());
  }

  @Test
  void syntaxErrorIsReported() {
    ElException e = assertThrows(ElException.class, () -> eval("${wf:id(}"));
    assertTrue(e.getMessage().contains("${wf:id(}"), e.getMessage());
  }

  @Test
  void hashBraceStaysLiteral() throws Exception {
    assertEquals("#{not el} alice", eval("#{not el} ${user.name}"));
  }

  @Test
  void backslashesOutsideExpressionsStayAsWritten() throws Exception {
    // Oozie's EL drops a backslash only where it escapes an expression: \${x} is the literal text ${x}
    assertEquals("[a\\tb] [c\\\\d] 2", eval("[a\\tb] [c\\\\d] ${wf:run()}"));
    assertEquals("C:\\dir\\x-alice\\n", eval("C:\\dir\\x-${user.name}\\n"));
    assertEquals("${user.name} is alice", eval("\\${user.name} is ${user.name}"));
    assertEquals("a}b", eval("${concat('a}', 'b')}"));
    assertEquals("x\\y", eval("${concat('x', '\\\\')}y"));
  }

  @Test
  void oozieFunctionsForMapsCallbacksAndHadoop(@TempDir Path dir) throws Exception {
    assertEquals("{\"k1\":\"v1\"}", eval("${toJsonStr(wf:actionData('sh'))}"));
    assertEquals("k1=v1\n", eval("${toPropertiesStr(wf:actionData('sh'))}"));
    String conf = eval("${toConfigurationStr(wf:actionData('sh'))}");
    assertTrue(conf.contains("<name>k1</name>") && conf.contains("<value>v1</value>"), conf);
    assertEquals("SUCCEEDED", eval("${wf:actionExternalStatus('mr')}"));
    assertEquals("", eval("${wf:actionTrackerUri('mr')}"));
    assertTrue(eval("${wf:callback('DONE')}").contains("status=DONE"), eval("${wf:callback('DONE')}"));
    assertEquals("file:///", eval("${hadoop:conf('local', 'fs.defaultFS')}"));
    Files.writeString(dir.resolve("part-00000"), "x");
    assertEquals("true", eval("${fs:exists('" + dir.toUri() + "part-*')}"));
    assertEquals("false", eval("${fs:exists('" + dir.toUri() + "nothing-*')}"));
  }

  @Test
  void unknownFunctionIsNamedWithTheClosestKnownOnes() {
    ElException e = assertThrows(ElException.class, () -> eval("${wf:actionDta('sh')}"));
    assertTrue(e.getMessage().contains("wf:actionDta") && e.getMessage().contains("wf:actionData"), e.getMessage());
    ElException check = assertThrows(ElException.class,
        () -> el.evaluate("${tojsonStr(x)}", Object.class, ElScope.forCheck(vars)));
    assertTrue(check.getMessage().contains("toJsonStr"), check.getMessage());
  }

  /** A run as the engine would present it. */
  static final class FakeRun implements WorkflowElContext {
    public String id() {
      return "0000001-x-hk-W";
    }

    public String name() {
      return "wf";
    }

    public String appPath() {
      return "file:/app";
    }

    public String conf(String property) {
      return property.equals("queue") ? " etl " : "";
    }

    public String user() {
      return "alice";
    }

    public String group() {
      return "users";
    }

    public int run() {
      return 2;
    }

    public String lastErrorNode() {
      return "mr";
    }

    public String errorCode(String node) {
      return "JA018";
    }

    public String errorMessage(String node) {
      return node.equals("mr") ? "boom" : "";
    }

    public String transition(String node) {
      return "";
    }

    public Map<String, String> actionData(String node) {
      return Map.of("k1", "v1");
    }

    public String actionExternalId(String node) {
      return "job_1";
    }

    public Map<String, Map<String, Long>> counters(String node) {
      return Map.of("org.apache.hadoop.mapred.Task$Counter", Map.of("MAP_INPUT_RECORDS", 11L,
          "REDUCE_OUTPUT_RECORDS", 3L));
    }

    public String actionExternalStatus(String node) {
      return node.equals("mr") ? "SUCCEEDED" : "";
    }

    public Configuration hadoopConf() {
      Configuration conf = new Configuration();
      conf.set("fs.defaultFS", "file:///");
      return conf;
    }
  }
}
