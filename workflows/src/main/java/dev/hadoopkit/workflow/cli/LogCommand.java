package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.state.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code log <id>}: the run's transitions, then where each action's stdout/stderr are. */
final class LogCommand implements Command {
  public String name() {
    return "log";
  }

  public String description() {
    return "print a run's log (node transitions, retries, errors) and its actions' output files";
  }

  public String usage() {
    return "log <id>";
  }

  public List<String> examples() {
    return List.of("bin/workflow log 0000001-261121203000123-hk-W");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of());
    String id = in.runId(0);
    // masked again here: an action still running has not had its output files scrubbed yet
    Secrets secrets = Secrets.of(in.engine().store().load(id).info().conf());
    Path dir = in.engine().store().runDir(id);
    Path log = dir.resolve("run.log");
    if (Files.exists(log)) {
      in.out().print(secrets.mask(Files.readString(log, StandardCharsets.UTF_8)));
    }
    Path actions = dir.resolve("actions");
    if (Files.isDirectory(actions)) {
      try (Stream<Path> files = Files.walk(actions)) {
        for (Path file : (Iterable<Path>) files.sorted()::iterator) {
          String name = file.getFileName().toString();
          if (Files.isRegularFile(file) && (name.equals("stdout") || name.equals("stderr"))
              && Files.size(file) > 0) {
            in.out().println("---- " + dir.relativize(file) + " (" + Files.size(file) + " bytes)");
            String text = secrets.mask(Files.readString(file, StandardCharsets.UTF_8));
            in.out().println(text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text.stripTrailing());
          }
        }
      }
    }
    return 0;
  }
}
