package dev.hadoopkit.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads what a run left on the local filesystem with plain java.nio, not with the code under test. */
final class OutputDirs {
  private OutputDirs() {
  }

  /** Every line of the directory's visible part files, in file-name order. */
  static List<String> partLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  /** Hidden siblings named after the output ({@code .<name>.*}): a run's temporary or leftover directories. */
  static List<String> hiddenSiblings(Path output) {
    String prefix = "." + output.getFileName() + ".";
    try (Stream<Path> files = Files.list(output.getParent())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean hasHiddenSibling(Path output) {
    return !hiddenSiblings(output).isEmpty();
  }
}
