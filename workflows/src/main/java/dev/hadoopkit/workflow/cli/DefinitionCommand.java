package dev.hadoopkit.workflow.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** {@code definition <id>}: the workflow.xml the run was submitted with (its copy in the run's directory). */
final class DefinitionCommand implements Command {
  public String name() {
    return "definition";
  }

  public String description() {
    return "print the workflow.xml a run was submitted with (Oozie's -definition)";
  }

  public String usage() {
    return "definition <id>";
  }

  public List<String> examples() {
    return List.of("bin/workflow definition 0000003-261121203000123-hk-W");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of());
    String id = in.runId(0);
    var store = in.engine().store();
    if (!store.exists(id)) {
      throw new java.io.IOException(store.noSuchRun(id));
    }
    String xml = new String(Files.readAllBytes(store.runDir(id).resolve("workflow.xml")), StandardCharsets.UTF_8);
    in.out().print(xml.endsWith("\n") ? xml : xml + "\n");
    return 0;
  }
}
