package dev.hadoopkit.workflow.definition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XSDs this engine accepts (resources under {@code dev/hadoopkit/workflow/xsd}): the workflow language
 * {@code uri:oozie:workflow:0.1} … {@code 1.0} and the action schemas as Apache Oozie 5.2.1 ships them
 * ({@code xsd/oozie/}), the coordinator, bundle and SLA schemas written for this project. Compiled once per catalog.
 */
public final class SchemaCatalog {
  public static final List<String> WORKFLOW_VERSIONS =
      List.of("0.1", "0.2", "0.2.5", "0.3", "0.4", "0.4.5", "0.5", "1.0");

  /** Action schemas: resource file prefix and versions; the namespace is {@code uri:oozie:<prefix>:<version>}. */
  private static final List<String[]> ACTION_SCHEMAS = List.of(
      new String[] {"shell-action", "0.1", "0.2", "0.3", "1.0"},
      new String[] {"email-action", "0.1", "0.2"},
      new String[] {"distcp-action", "0.1", "0.2", "1.0"},
      new String[] {"sqoop-action", "0.2", "0.3", "0.4", "1.0"},
      new String[] {"hive2-action", "0.1", "0.2", "1.0"},
      new String[] {"hive-action", "0.2", "0.3", "0.4", "0.5", "0.6", "1.0"},
      new String[] {"spark-action", "0.1", "0.2", "1.0"},
      new String[] {"ssh-action", "0.1", "0.2"},
      new String[] {"git-action", "1.0"});

  public static final List<String> COORDINATOR_VERSIONS = List.of("0.1", "0.2", "0.3", "0.4", "0.5");
  public static final List<String> BUNDLE_VERSIONS = List.of("0.1", "0.2");
  public static final List<String> SLA_VERSIONS = List.of("0.1", "0.2");

  private final Schema schema;
  /** Coordinators, bundles and the SLA schemas they embed: a schema set of its own, compiled when first used. */
  private volatile Schema scheduleSchema;
  private final Set<String> workflowNamespaces = new TreeSet<>();
  private final Set<String> actionNamespaces = new TreeSet<>();

  /**
   * The catalog of this JVM: compiling the schema sets costs tens of milliseconds, which a daemon parsing a
   * coordinator per submission (and per coordinator on every restart) paid each time. Schemas are immutable and
   * thread-safe, so one compiled catalog serves every parser.
   */
  public static SchemaCatalog shared() {
    return Shared.CATALOG;
  }

  private static final class Shared {
    static final SchemaCatalog CATALOG = new SchemaCatalog();
  }

  public SchemaCatalog() {
    List<Source> sources = new ArrayList<>();
    // Oozie's own list and order (oozie-default.xml, oozie.service.SchemaService.wf.schemas): the common types, the
    // workflow versions, every action schema it ships, the SLA schemas a workflow may embed.
    sources.add(oozieSource("oozie-common-1.0.xsd"));
    for (String version : WORKFLOW_VERSIONS) {
      sources.add(oozieSource("oozie-workflow-" + version + ".xsd"));
      workflowNamespaces.add("uri:oozie:workflow:" + version);
    }
    for (String[] action : ACTION_SCHEMAS) {
      for (int i = 1; i < action.length; i++) {
        sources.add(oozieSource(action[0] + "-" + action[i] + ".xsd"));
        actionNamespaces.add("uri:oozie:" + action[0] + ":" + action[i]);
      }
    }
    SLA_VERSIONS.forEach(v -> sources.add(oozieSource("oozie-sla-" + v + ".xsd")));
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      this.schema = factory.newSchema(sources.toArray(new Source[0]));
    } catch (SAXException e) {
      throw new IllegalStateException("The bundled workflow XSDs do not compile (a build defect): " + e.getMessage(), e);
    }
  }

  /**
   * Apache Oozie 5.2.1's workflow and action XSDs, as it ships them (Apache License 2.0; resources under
   * {@code xsd/oozie/}): what a workflow is accepted against is then exactly what Oozie accepts, extension bodies
   * (hive 0.2's own job-tracker and name-node, pig, spark, ssh, git, sqoop, shell, distcp, email, hive2) included,
   * and an element of a namespace none of them declares (a custom {@code uri:test}) fails the strict wildcard.
   */
  private static Source oozieSource(String resource) {
    return source("oozie/" + resource);
  }

  private static Source source(String resource) {
    URL url = SchemaCatalog.class.getResource("/dev/hadoopkit/workflow/xsd/" + resource);
    if (url == null) {
      throw new IllegalStateException("Missing bundled schema " + resource + " (a build defect)");
    }
    return new StreamSource(url.toExternalForm());
  }

  public boolean isWorkflowNamespace(String namespace) {
    return workflowNamespaces.contains(namespace);
  }

  public Set<String> workflowNamespaces() {
    return workflowNamespaces;
  }

  public Set<String> actionNamespaces() {
    return actionNamespaces;
  }

  public static boolean isCoordinatorNamespace(String namespace) {
    return namespace != null && namespace.startsWith("uri:oozie:coordinator:")
        && COORDINATOR_VERSIONS.contains(namespace.substring("uri:oozie:coordinator:".length()));
  }

  public static boolean isBundleNamespace(String namespace) {
    return namespace != null && namespace.startsWith("uri:oozie:bundle:")
        && BUNDLE_VERSIONS.contains(namespace.substring("uri:oozie:bundle:".length()));
  }

  private Schema scheduleSchema() {
    Schema compiled = scheduleSchema;
    if (compiled == null) {
      synchronized (this) {
        compiled = scheduleSchema;
        if (compiled == null) {
          List<Source> sources = new ArrayList<>();
          SLA_VERSIONS.forEach(v -> sources.add(source("oozie-sla-" + v + ".xsd")));
          COORDINATOR_VERSIONS.forEach(v -> sources.add(source("oozie-coordinator-" + v + ".xsd")));
          BUNDLE_VERSIONS.forEach(v -> sources.add(source("oozie-bundle-" + v + ".xsd")));
          try {
            compiled = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(sources.toArray(new Source[0]));
          } catch (SAXException e) {
            throw new IllegalStateException("The bundled coordinator XSDs do not compile (a build defect): "
                + e.getMessage(), e);
          }
          scheduleSchema = compiled;
        }
      }
    }
    return compiled;
  }

  /**
   * Validates a coordinator or bundle document (uri:oozie:coordinator:0.1–0.5, uri:oozie:bundle:0.1–0.2, with
   * sla:info 0.1–0.2); the first schema error becomes E0701 with its line and column.
   */
  public void validateSchedule(byte[] bytes, String file) throws WorkflowException {
    validate(scheduleSchema(), bytes, file, false);
  }

  /** Validates a document; the first schema error becomes E0701 with its line and column. */
  public void validate(byte[] bytes, String file) throws WorkflowException {
    validate(schema, bytes, file, true);
  }

  private void validate(Schema against, byte[] bytes, String file, boolean workflow) throws WorkflowException {
    Validator validator = against.newValidator();
    List<SAXParseException> errors = new ArrayList<>();
    validator.setErrorHandler(new ErrorHandler() {
      public void warning(SAXParseException e) {
      }

      public void error(SAXParseException e) {
        errors.add(e);
      }

      public void fatalError(SAXParseException e) throws SAXException {
        throw e;
      }
    });
    try {
      StreamSource source = new StreamSource(new ByteArrayInputStream(bytes), file);
      validator.validate(source);
    } catch (SAXParseException e) {
      errors.add(e);
    } catch (SAXException | IOException e) {
      throw new WorkflowException(ErrorCode.E0701, Location.of(file), e.getMessage());
    }
    if (!errors.isEmpty()) {
      SAXParseException first = errors.get(0);
      throw new WorkflowException(ErrorCode.E0701,
          new Location(file, first.getLineNumber(), first.getColumnNumber()),
          workflow ? explain(first.getMessage()) : explainSchedule(first.getMessage()));
    }
  }

  /** The same for coordinators and bundles. */
  private static String explainSchedule(String message) {
    String text = message.replaceFirst("^cvc-[\\w.\\-]+: ", "");
    if (message.startsWith("cvc-complex-type.2.4")) {
      return text + " Check the element names and their order against the schema: parameters, controls, datasets,"
          + " input-events, input-logic (0.5), output-events, action for a coordinator; parameters, controls,"
          + " coordinator for a bundle.";
    }
    if (message.startsWith("cvc-pattern-valid")) {
      return text + " Dataset and event names start with a letter and hold only letters, digits, '-' and '_'.";
    }
    return text;
  }

  /** Xerces messages start with a cvc-… key; keep the sentence, add a fix for the frequent ones. */
  private String explain(String message) {
    String text = message.replaceFirst("^cvc-[\\w.\\-]+: ", "");
    if (message.startsWith("cvc-complex-type.2.4.c")) {
      return text + " The action element's namespace is not one this engine knows; use one of "
          + actionNamespaces + ", or put the element in the workflow's namespace for fs, java, map-reduce,"
          + " sub-workflow and pig.";
    }
    if (message.startsWith("cvc-pattern-valid")) {
      return text + " Node names start with a letter or '_' and hold only letters, digits, '-' and '_'"
          + " (at most 128 characters).";
    }
    if (message.startsWith("cvc-complex-type.2.4")) {
      return text + " Check the element order against the schema (e.g. <ok> then <error> after the action body).";
    }
    return text;
  }
}
