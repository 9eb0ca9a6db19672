package dev.hadoopkit.workflow.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.definition.OozieReferenceValidator.Case;
import dev.hadoopkit.workflow.definition.OozieReferenceValidator.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, "validation as Oozie's own validator decides": real Apache Oozie 5.2.1 (SchemaService +
 * LiteWorkflowAppService.parseDef, module oozie-reference, its own JVM) and this project's validator (what
 * {@code bin/workflow validate} and a submission use: {@link WorkflowParser}, then the {@code <parameters>} rule)
 * judge the corpus under {@code oozie-corpus/}: {@code real/} is collected from apache/oozie and oozie-to-airflow,
 * {@code written/} covers every node type, action type and error code (see its SOURCES.md).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OozieValidatorReferenceIT {
  /** Per file inside Oozie: its fork/join walk is exponential on some valid graphs (OOZIE-3561, after 5.2.1). */
  private static final Duration PER_FILE = Duration.ofSeconds(5);
  private static final Duration OVERALL = Duration.ofMinutes(3);

  private static Path corpus;
  private static final Map<Path, Verdict> OOZIE = new LinkedHashMap<>();
  private static final Map<Path, Verdict> OURS = new LinkedHashMap<>();

  @TempDir
  static Path work;

  @BeforeAll
  static void judgeTheCorpus() throws Exception {
    corpus = Path.of(OozieValidatorReferenceIT.class.getResource("/oozie-corpus/default.properties").toURI())
        .getParent();
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      files.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(p -> cases.add(new Case(p, propertiesOf(p))));
    }
    OOZIE.putAll(OozieReferenceValidator.validate(cases, PER_FILE, OVERALL, work));
    WorkflowParser parser = new WorkflowParser();
    for (Case c : cases) {
      OURS.put(c.workflow(), ours(parser, c));
    }
  }

  private static Path propertiesOf(Path workflow) {
    String name = workflow.getFileName().toString();
    Path own = workflow.resolveSibling(name.substring(0, name.length() - ".xml".length()) + ".properties");
    return Files.isRegularFile(own) ? own : corpus.resolve("default.properties");
  }

  /** This project's verdict: the parser (E0700–E0758) and, for an accepted workflow, the parameters (E0738). */
  private static Verdict ours(WorkflowParser parser, Case c) throws IOException {
    try {
      WorkflowDefinition definition = parser.parse(Files.readAllBytes(c.workflow()), c.workflow().toString());
      List<String> undefined = definition.undefinedParameters(load(c.properties()));
      return undefined.isEmpty() ? new Verdict("OK", "")
          : new Verdict(ErrorCode.E0738.name(), "undefined parameters " + undefined);
    } catch (WorkflowException e) {
      return new Verdict(e.code().name(), e.getMessage());
    }
  }

  private static Map<String, String> load(Path properties) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(properties)) {
      p.load(in);
    }
    Map<String, String> out = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  private static List<Path> under(String dir) {
    Path root = corpus.resolve(dir);
    return OOZIE.keySet().stream().filter(p -> p.startsWith(root)).toList();
  }

  /** Prints the disagreements as a table and returns how many files had the same verdict and the same code. */
  private static int[] compare(String title, List<Path> files) {
    int sameVerdict = 0;
    int rejected = 0;
    int sameCode = 0;
    StringBuilder table = new StringBuilder();
    for (Path file : files) {
      Verdict oozie = OOZIE.get(file);
      Verdict ours = OURS.get(file);
      boolean verdict = oozie.accepted() == ours.accepted();
      sameVerdict += verdict ? 1 : 0;
      if (!oozie.accepted()) {
        rejected++;
        sameCode += oozie.code().equals(ours.code()) ? 1 : 0;
      }
      if (!oozie.code().equals(ours.code())) {
        table.append(String.format("  %-58s %-7s %-7s %s | ours: %s%n", corpus.relativize(file), oozie.code(),
            ours.code(), cut(oozie.message()), cut(ours.message())));
      }
    }
    System.out.printf("%s: %d files, same verdict %d (%.1f %%), Oozie rejects %d, same code %d%n", title,
        files.size(), sameVerdict, 100.0 * sameVerdict / files.size(), rejected, sameCode);
    System.out.print(table.isEmpty() ? "  no disagreement\n"
        : String.format("  %-58s %-7s %-7s %s%n", "file", "Oozie", "ours", "Oozie's message | ours") + table);
    return new int[] {files.size(), sameVerdict, rejected, sameCode};
  }

  private static String cut(String text) {
    return text.length() <= 110 ? text : text.substring(0, 110) + "…";
  }

  @Test
  void theRealCorpusIsJudgedAsOozieJudgesIt() {
    List<Path> real = under("real");
    assertTrue(real.size() >= 60, "the collected corpus has " + real.size() + " files");
    int[] n = compare("real corpus (apache/oozie 5.2.1, oozie-to-airflow)", real);
    assertTrue(n[1] >= Math.ceil(0.98 * n[0]), "same verdict on " + n[1] + " of " + n[0] + " real files (< 98 %)");
    assertTrue(n[2] > 0, "the real corpus has rejects");
    assertTrue(n[3] >= Math.ceil(0.90 * n[2]), "same code on " + n[3] + " of " + n[2] + " real rejects (< 90 %)");
  }

  @Test
  void everyWrittenCaseGetsOoziesCode() {
    List<Path> written = under("written");
    int[] n = compare("written corpus (every node, action type and code)", written);
    assertTrue(written.size() >= 30, "the written corpus has " + written.size() + " files");
    List<String> codes = written.stream().map(OOZIE::get).map(Verdict::code).distinct().sorted().toList();
    System.out.println("codes Oozie gave on the written corpus: " + codes);
    assertEquals(n[0], n[1], "same verdict on every written file");
    assertEquals(n[2], n[3], "same code on every written reject");
  }

  /**
   * The example apps this project ships (workflows/examples) are accepted by Oozie 5.2.1 as by this engine — by an
   * Oozie configured with default action name-node and job-tracker (oozie.actions.default.*), as this engine always
   * is (fs.defaultFS, the local or YARN runner): without them Oozie refuses an action that names neither, "E0701 No
   * name-node defined", which the hourly example's shell action does.
   */
  @Test
  void theShippedExampleAppsAreValidForOozieToo() throws Exception {
    List<Case> examples = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("examples").toAbsolutePath())) {
      files.filter(p -> p.getFileName().toString().equals("workflow.xml")).sorted().forEach(p -> {
        Path own = p.resolveSibling("job.properties");
        examples.add(new Case(p, Files.isRegularFile(own) ? own : corpus.resolve("default.properties")));
      });
    }
    assertTrue(examples.size() >= 3, "example workflows found: " + examples);
    Map<Path, Verdict> oozie = OozieReferenceValidator.validate(examples, PER_FILE, OVERALL, work,
        Map.of("oozie.actions.default.name-node", "file:///", "oozie.actions.default.job-tracker", "local"));
    WorkflowParser parser = new WorkflowParser();
    for (Case c : examples) {
      assertEquals("OK", oozie.get(c.workflow()).code(), c.workflow() + ": " + oozie.get(c.workflow()).message());
      assertEquals("OK", ours(parser, c).code(), c.workflow() + ": " + ours(parser, c).message());
    }
  }

  /**
   * A chain whose actions send ok and error to the same next node: Oozie 5.2.1 walks both transitions of every
   * action again, 2^n walks; ours visits each (node, fork, decision, ok-path) state once.
   */
  @Test
  void aLongOkErrorChainStaysFastWhereOozieIsExponential() throws Exception {
    Path shortChain = work.resolve("chain-12.xml");
    Path longChain = work.resolve("chain-40.xml");
    Files.writeString(shortChain, chain(12));
    Files.writeString(longChain, chain(40));
    Path props = corpus.resolve("default.properties");
    Map<Path, Verdict> oozie = OozieReferenceValidator.validate(
        List.of(new Case(shortChain, props), new Case(longChain, props)), Duration.ofSeconds(3),
        Duration.ofMinutes(1), work);
    assertEquals("OK", oozie.get(shortChain).code(), oozie.get(shortChain).message());
    assertEquals("TIMEOUT", oozie.get(longChain).code(), "Oozie 5.2.1 finished a 40-node ok/error chain");

    WorkflowParser parser = new WorkflowParser();
    parser.parse(Files.readAllBytes(shortChain), shortChain.toString()); // schemas and JIT warm
    byte[] xml = Files.readAllBytes(longChain);
    long started = System.nanoTime();
    WorkflowDefinition definition = assertTimeoutPreemptively(Duration.ofSeconds(1),
        () -> new WorkflowParser().parse(xml, longChain.toString()));
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.println("40-node ok/error chain in a fork: ours " + ms + " ms, Oozie 5.2.1 > 3000 ms (timeout)");
    assertEquals(41, definition.actions().size());
  }

  /** start → fork(a0…, side) → a0 → … → a(n-1) → join → end, every action's ok and error to the next node. */
  private static String chain(int n) {
    StringBuilder xml = new StringBuilder("<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"chain\">\n"
        + "<start to=\"f\"/>\n<fork name=\"f\"><path start=\"a0\"/><path start=\"side\"/></fork>\n");
    for (int i = 0; i < n; i++) {
      String next = i == n - 1 ? "j" : "a" + (i + 1);
      xml.append("<action name=\"a").append(i).append("\"><fs><mkdir path=\"/tmp/c").append(i)
          .append("\"/></fs><ok to=\"").append(next).append("\"/><error to=\"").append(next)
          .append("\"/></action>\n");
    }
    xml.append("<action name=\"side\"><fs><mkdir path=\"/tmp/s\"/></fs><ok to=\"j\"/><error to=\"fail\"/></action>\n"
        + "<join name=\"j\" to=\"end\"/>\n<kill name=\"fail\"><message>m</message></kill>\n<end name=\"end\"/>\n"
        + "</workflow-app>\n");
    return xml.toString();
  }
}
