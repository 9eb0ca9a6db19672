package dev.hadoopkit.workflow.definition;

import static dev.hadoopkit.workflow.definition.WorkflowTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One failing fixture per error code, plus valid workflows of every schema version. */
class GraphValidatorTest {
  private static WorkflowException fails(ErrorCode code, String xml) {
    WorkflowException e = WorkflowTexts.fails(code, xml);
    assertEquals("workflow.xml", e.location().file());
    return e;
  }

  private static String fs(String name, String ok, String error) {
    return "<action name=\"" + name + "\"><fs><mkdir path=\"file:///tmp/x\"/></fs><ok to=\"" + ok
        + "\"/><error to=\"" + error + "\"/></action>\n";
  }

  private static String wf(String body) {
    return "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"w\">\n" + body
        + "<kill name=\"fail\"><message>m</message></kill>\n<end name=\"end\"/>\n</workflow-app>\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.1", "0.2", "0.2.5", "0.3", "0.4", "0.4.5", "0.5", "1.0"})
  void acceptsEverySchemaVersion(String version) throws Exception {
    String xml = "<workflow-app xmlns=\"uri:oozie:workflow:" + version + "\" name=\"w\">\n<start to=\"a\"/>\n"
        + fs("a", "end", "fail") + "<kill name=\"fail\"><message>m</message></kill>\n<end name=\"end\"/>\n"
        + "</workflow-app>";
    WorkflowDefinition definition = parse(xml);
    assertEquals("uri:oozie:workflow:" + version, definition.namespace());
    assertEquals(1, definition.actions().size());
    assertEquals("a", definition.start().to());
  }

  @Test
  void parsesEveryNodeKindWithTransitions() throws Exception {
    WorkflowDefinition d = parse(wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "j", "fail") + fs("b", "j", "fail") + "<join name=\"j\" to=\"d\"/>\n"
        + "<decision name=\"d\"><switch><case to=\"end\">${1 gt 0}</case><default to=\"fail\"/></switch></decision>\n"));
    assertEquals(java.util.List.of("a", "b"), d.node("f").transitions());
    assertEquals(java.util.List.of("end", "fail"), d.node("d").transitions());
    assertEquals(NodeKind.JOIN, d.node("j").kind());
    assertEquals(4, d.node("a").location().line());
  }

  @Test
  /** Oozie 5.2.1 validates against the XSDs before it parses, so a malformed workflow is an E0701 there. */
  void e0701MalformedXmlNamesLineAndColumn() {
    WorkflowException e = fails(ErrorCode.E0701, "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"w\">\n"
        + "<start to=\"a\">\n</workflow-app>");
    assertEquals(3, e.location().line());
    assertTrue(e.location().column() > 0);
  }

  @Test
  void e0701UnknownNamespace() {
    WorkflowException e = fails(ErrorCode.E0701, "<workflow-app xmlns=\"uri:oozie:workflow:9.9\" name=\"w\">"
        + "<start to=\"end\"/><end name=\"end\"/></workflow-app>");
    assertTrue(e.getMessage().contains("uri:oozie:workflow:9.9"), e.getMessage());
    assertTrue(e.getMessage().contains("uri:oozie:workflow:1.0"), e.getMessage());
  }

  @Test
  void e0701SchemaErrorWithPlace() {
    WorkflowException e = fails(ErrorCode.E0701, wf("<start to=\"a\"/>\n<action name=\"a\"><fs/><ok/>"
        + "<error to=\"fail\"/></action>\n"));
    assertEquals(3, e.location().line());
  }

  @Test
  void e0701UnknownActionNamespace() {
    WorkflowException e = fails(ErrorCode.E0701, wf("<start to=\"a\"/>\n<action name=\"a\">"
        + "<shell xmlns=\"uri:oozie:shell-action:7.7\"><exec>x</exec></shell><ok to=\"end\"/>"
        + "<error to=\"fail\"/></action>\n"));
    assertTrue(e.getMessage().contains("uri:oozie:shell-action:1.0"), e.getMessage());
  }

  @Test
  void e0701ActionSchemaIsChecked() {
    fails(ErrorCode.E0701, wf("<start to=\"a\"/>\n<action name=\"a\">"
        + "<shell xmlns=\"uri:oozie:shell-action:0.3\"><argument>x</argument></shell><ok to=\"end\"/>"
        + "<error to=\"fail\"/></action>\n"));
  }

  @Test
  void e0701InvalidNodeName() {
    fails(ErrorCode.E0701, wf("<start to=\"a\"/>\n" + fs("9bad name", "end", "fail")));
  }

  @Test
  void e0705DuplicateNode() {
    WorkflowException e = fails(ErrorCode.E0705, wf("<start to=\"a\"/>\n" + fs("a", "end", "fail")
        + fs("a", "end", "fail")));
    assertEquals(4, e.location().line());
  }

  @Test
  void e0706SelfTransition() {
    fails(ErrorCode.E0706, wf("<start to=\"a\"/>\n" + fs("a", "a", "fail")));
  }

  @Test
  void e0707Cycle() {
    WorkflowException e = fails(ErrorCode.E0707, wf("<start to=\"a\"/>\n" + fs("a", "b", "fail")
        + fs("b", "c", "fail") + fs("c", "a", "fail")));
    assertTrue(e.getMessage().contains("a -> b -> c -> a"), e.getMessage());
  }

  @Test
  void e0708TransitionToUnknownNode() {
    WorkflowException e = fails(ErrorCode.E0708, wf("<start to=\"a\"/>\n" + fs("a", "nowhere", "fail")));
    assertTrue(e.getMessage().contains("[nowhere]"), e.getMessage());
    assertEquals(3, e.location().line());
  }

  @Test
  /** Oozie's XSDs ask for two paths (E0731 is never raised by Oozie 5.2.1). */
  void e0701ForkWithOnePath() {
    fails(ErrorCode.E0701, wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/></fork>\n"
        + fs("a", "j", "fail") + "<join name=\"j\" to=\"end\"/>\n"));
  }

  @Test
  void e0744ForkTwiceToSameNode() {
    fails(ErrorCode.E0744, wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/><path start=\"a\"/></fork>\n"
        + fs("a", "j", "fail") + "<join name=\"j\" to=\"end\"/>\n"));
  }

  @Test
  /** Oozie counts forks and joins first: a fork whose paths all end in kills, and no join, is E0730. */
  void e0730ForkWithoutJoin() {
    fails(ErrorCode.E0730, wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "fail", "fail") + fs("b", "fail", "fail")));
  }

  @Test
  /** One fork, two joins: E0730 by the count (Oozie 5.2.1 raises no E0732). */
  void e0730PathsMeetAtDifferentJoins() {
    fails(ErrorCode.E0730, wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "j1", "fail") + fs("b", "j2", "fail") + "<join name=\"j1\" to=\"end\"/>\n"
        + "<join name=\"j2\" to=\"end\"/>\n"));
  }

  @Test
  void e0730JoinSharedByTwoForksAndTooFewJoins() {
    fails(ErrorCode.E0730, wf("<start to=\"f1\"/>\n<fork name=\"f1\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "j", "fail") + fs("b", "j", "fail") + "<join name=\"j\" to=\"f2\"/>\n"
        + "<fork name=\"f2\"><path start=\"c\"/><path start=\"d\"/></fork>\n"
        + fs("c", "j", "fail") + fs("d", "j", "fail")).replace("<join name=\"j\" to=\"f2\"/>",
        "<join name=\"j\" to=\"end\"/>").replace("to=\"f1\"/>", "to=\"g\"/>")
        .replace("<fork name=\"f1\">", "<decision name=\"g\"><switch><case to=\"f1\">${true}</case>"
            + "<default to=\"f2\"/></switch></decision>\n<fork name=\"f1\">"));
  }

  @Test
  /** A path that runs into its sibling: two "ok" paths reach b (Oozie 5.2.1 raises no E0734). */
  void e0743TransitionIntoAnotherForkPath() {
    fails(ErrorCode.E0743, wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "b", "fail") + fs("b", "j", "fail") + "<join name=\"j\" to=\"end\"/>\n"));
  }

  @Test
  void e0737EndInsideFork() {
    WorkflowException e = fails(ErrorCode.E0737, wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/>"
        + "<path start=\"b\"/></fork>\n" + fs("a", "end", "fail") + fs("b", "j", "fail")
        + "<join name=\"j\" to=\"end\"/>\n"));
    assertTrue(e.getMessage().contains("[a]") && e.getMessage().contains("[end]"), e.getMessage());
  }

  @Test
  void e0730JoinWithoutFork() {
    fails(ErrorCode.E0730, wf("<start to=\"a\"/>\n" + fs("a", "j", "fail") + "<join name=\"j\" to=\"end\"/>\n"));
  }

  /** With as many forks as joins, a join reached outside any fork path is E0742. */
  @Test
  void e0742JoinOutsideAnyFork() {
    fails(ErrorCode.E0742, wf("<start to=\"a\"/>\n" + fs("a", "j", "f0") + "<join name=\"j\" to=\"end\"/>\n"
        + "<fork name=\"f0\"><path start=\"fail\"/><path start=\"fail\"/></fork>\n"));
  }

  @Test
  void e0733ForkWhosePathsEndInKills() {
    fails(ErrorCode.E0733, wf("<start to=\"d\"/>\n<decision name=\"d\"><switch><case to=\"f\">${true}</case>"
        + "<default to=\"j9\"/></switch></decision>\n<fork name=\"f\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "fail", "fail") + fs("b", "fail", "fail") + "<join name=\"j9\" to=\"end\"/>\n"));
  }

  @Test
  void e0757ForkWithTwoJoins() {
    fails(ErrorCode.E0757, wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "j1", "fail") + fs("b", "j2", "fail") + "<join name=\"j1\" to=\"f0\"/>\n"
        + "<join name=\"j2\" to=\"end\"/>\n<fork name=\"f0\"><path start=\"fail\"/><path start=\"fail\"/></fork>\n"));
  }

  @Test
  void e0758JoinOfTwoForks() {
    fails(ErrorCode.E0758, wf("<start to=\"d\"/>\n<decision name=\"d\"><switch><case to=\"f1\">${true}</case>"
        + "<default to=\"f2\"/></switch></decision>\n<fork name=\"f1\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "j", "fail") + fs("b", "j", "fail") + "<fork name=\"f2\"><path start=\"c\"/><path start=\"e\"/></fork>\n"
        + fs("c", "j", "fail") + fs("e", "jx", "fail") + "<join name=\"j\" to=\"end\"/>\n<join name=\"jx\" to=\"end\"/>\n"));
  }

  @Test
  /** Oozie 5.2.1 walks error transitions without the fork rules: this is accepted (it raises no E0735). */
  void anErrorTransitionIntoAnotherPathIsAccepted() throws Exception {
    parse(wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "j", "b") + fs("b", "j", "fail") + "<join name=\"j\" to=\"end\"/>\n"));
  }

  @Test
  void nestedForksAreValid() throws Exception {
    WorkflowDefinition d = parse(wf("<start to=\"f\"/>\n<fork name=\"f\"><path start=\"g\"/><path start=\"c\"/>"
        + "</fork>\n<fork name=\"g\"><path start=\"a\"/><path start=\"b\"/></fork>\n"
        + fs("a", "jg", "fail") + fs("b", "jg", "fail") + "<join name=\"jg\" to=\"j\"/>\n"
        + fs("c", "j", "fail") + "<join name=\"j\" to=\"end\"/>\n"));
    assertEquals(3, d.actions().size());
  }

  @Test
  void e0739EmptyParameterName() {
    fails(ErrorCode.E0739, "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"w\"><parameters><property>"
        + "<name></name></property></parameters><start to=\"end\"/><end name=\"end\"/></workflow-app>");
  }
}
