package dev.hadoopkit.ingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a run's report into docs/benchmarks.md: between the section's {@link #BEGIN} and {@link #END} markers when it
 * has them (the notes written around the table stay), else as the whole "## ingest-sqoopish" section, else appended.
 */
final class BenchDocument {
  static final String BEGIN = "<!-- ingest-bench:begin (bin/ingest-bench --write replaces this part) -->";
  static final String END = "<!-- ingest-bench:end -->";
  private static final Pattern SECTION = Pattern.compile("^## ingest-sqoopish\\n.*?(?=^## |\\z)", Pattern.DOTALL | Pattern.MULTILINE);

  private BenchDocument() {
  }

  /** The document's text with {@code section} (heading, markers and table, as IngestBench writes it) in place. */
  static String update(String document, String section) {
    Matcher sectionMatch = SECTION.matcher(document);
    if (sectionMatch.find()) {
      String old = sectionMatch.group();
      int begin = old.indexOf(BEGIN);
      int end = old.indexOf(END);
      String replaced;
      if (begin >= 0 && end > begin) {
        String generated = section.substring(section.indexOf(BEGIN), section.indexOf(END) + END.length());
        replaced = old.substring(0, begin) + generated + old.substring(end + END.length());
      } else {
        replaced = section.stripTrailing() + "\n\n";
      }
      return document.substring(0, sectionMatch.start()) + replaced + document.substring(sectionMatch.end());
    }
    return document.stripTrailing() + "\n\n" + section.stripTrailing() + "\n";
  }

  static void write(Path doc, String section) throws IOException {
    String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8)
        : "# Benchmarks\n\nEach module keeps its own section, written by its benchmark command.\n";
    Files.createDirectories(doc.toAbsolutePath().getParent());
    Files.writeString(doc, update(text, section), StandardCharsets.UTF_8);
  }
}
