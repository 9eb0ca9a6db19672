package dev.hadoopkit.workflow.definition;

import static dev.hadoopkit.workflow.definition.LocatedXml.attribute;
import static dev.hadoopkit.workflow.definition.LocatedXml.child;
import static dev.hadoopkit.workflow.definition.LocatedXml.childText;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * An action's body element → its typed {@link ActionBody}. Reads what the schema allows and never fails on a body
 * the schema accepted: an element it does not know is left out, a type without a record is {@link ActionBody.Other}.
 */
public final class ActionBodies {
  private ActionBodies() {
  }

  /** The typed body of the element (the action's single child, e.g. {@code <shell>}). */
  public static ActionBody of(Element body) {
    return switch (body.getLocalName()) {
      case "fs" -> fs(body);
      case "shell" -> new ActionBody.Shell(hadoop(body), childText(body, "exec"), verbatim(body, "argument"),
          texts(body, "env-var"), child(body, "capture-output") != null);
      case "java" -> new ActionBody.Java(hadoop(body), childText(body, "main-class"), childText(body, "java-opts"),
          texts(body, "java-opt"), verbatim(body, "arg"), child(body, "capture-output") != null);
      case "map-reduce" -> new ActionBody.MapReduce(hadoop(body), streaming(child(body, "streaming")),
          child(body, "pipes") != null);
      case "sub-workflow" -> new ActionBody.SubWorkflow(childText(body, "app-path"),
          child(body, "propagate-configuration") != null, WorkflowParser.configuration(child(body, "configuration")));
      case "distcp" -> new ActionBody.Distcp(hadoop(body), childText(body, "java-opts"), texts(body, "arg"));
      case "email" -> new ActionBody.Email(childText(body, "to"), childText(body, "cc"), childText(body, "bcc"),
          childText(body, "subject"), childText(body, "body"), childText(body, "content_type"),
          childText(body, "attachment"));
      case "hive2" -> new ActionBody.Hive2(hadoop(body), childText(body, "jdbc-url"), childText(body, "password"),
          childText(body, "script"), childText(body, "query"), texts(body, "param"), texts(body, "argument"));
      case "sqoop" -> new ActionBody.Sqoop(hadoop(body), childText(body, "command"), texts(body, "arg"));
      default -> new ActionBody.Other(body.getLocalName());
    };
  }

  private static ActionBody.Hadoop hadoop(Element body) {
    String resourceManager = childText(body, "resource-manager");
    Element prepare = child(body, "prepare");
    return new ActionBody.Hadoop(resourceManager != null ? resourceManager : childText(body, "job-tracker"),
        childText(body, "name-node"), prepare == null ? List.of() : paths(prepare, "delete"),
        prepare == null ? List.of() : paths(prepare, "mkdir"), texts(body, "job-xml"),
        WorkflowParser.configuration(child(body, "configuration")), texts(body, "file"), texts(body, "archive"));
  }

  private static ActionBody.Fs fs(Element body) {
    List<ActionBody.FsOperation> operations = new ArrayList<>();
    for (Element op : children(body)) {
      String path = trimmed(op, "path");
      String dirFilesText = attribute(op, "dir-files");
      boolean dirFiles = dirFilesText == null || Boolean.parseBoolean(dirFilesText);
      boolean recursive = child(op, "recursive") != null;
      switch (op.getLocalName()) {
        case "delete" -> operations.add(new ActionBody.FsOperation.Delete(path));
        case "mkdir" -> operations.add(new ActionBody.FsOperation.Mkdir(path));
        case "move" -> operations.add(new ActionBody.FsOperation.Move(trimmed(op, "source"),
            trimmed(op, "target")));
        case "chmod" -> operations.add(new ActionBody.FsOperation.Chmod(path, attribute(op, "permissions"), dirFiles,
            recursive));
        case "touchz" -> operations.add(new ActionBody.FsOperation.Touchz(path));
        case "chgrp" -> operations.add(new ActionBody.FsOperation.Chgrp(path, attribute(op, "group"), dirFiles,
            recursive));
        case "setrep" -> operations.add(new ActionBody.FsOperation.Setrep(path, attribute(op, "replication-factor")));
        case "name-node", "job-xml", "configuration" -> {
          // not operations
        }
        default -> operations.add(new ActionBody.FsOperation.Unsupported(op.getLocalName()));
      }
    }
    return new ActionBody.Fs(childText(body, "name-node"), List.copyOf(operations));
  }

  private static ActionBody.Streaming streaming(Element streaming) {
    if (streaming == null) {
      return null;
    }
    return new ActionBody.Streaming(childText(streaming, "mapper"), childText(streaming, "reducer"),
        childText(streaming, "record-reader"), texts(streaming, "record-reader-mapping"), texts(streaming, "env"));
  }

  /** The attribute's value trimmed, or null when absent. */
  private static String trimmed(Element element, String name) {
    String value = attribute(element, name);
    return value == null ? null : value.trim();
  }

  /** The trimmed texts of the children with this name, in order. */
  private static List<String> texts(Element parent, String name) {
    return children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
  }

  /** The texts of the children with this name as written (whitespace kept), in order. */
  private static List<String> verbatim(Element parent, String name) {
    return children(parent, name).stream().map(Element::getTextContent).toList();
  }

  private static List<String> paths(Element prepare, String name) {
    return children(prepare, name).stream().map(e -> e.getAttribute("path").trim()).toList();
  }
}
