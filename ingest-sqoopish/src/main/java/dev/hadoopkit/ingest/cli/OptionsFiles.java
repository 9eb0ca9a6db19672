package dev.hadoopkit.ingest.cli;

import dev.hadoopkit.formats.tool.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands Sqoop's {@code --options-file FILE}: one option or value per line, {@code #} comments and blank lines
 * ignored (also between the parts of a continued line, as Sqoop's OptionsFileUtil does), a trailing backslash
 * continues a line, a value in matching single or double quotes keeps its spaces. The file may start with the tool
 * name (the example in Sqoop's documentation), so the whole command line is expanded before the tool is looked up.
 */
public final class OptionsFiles {
  private OptionsFiles() {
  }

  public static List<String> expand(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--options-file")) {
        if (i + 1 >= args.size()) {
          throw new UsageException("Missing file name after --options-file");
        }
        out.addAll(read(Path.of(args.get(++i))));
      } else {
        out.add(arg);
      }
    }
    return out;
  }

  static List<String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("Cannot read options file " + file + ": " + e.getMessage());
    }
    List<String> out = new ArrayList<>();
    StringBuilder pending = null;
    int lineNumber = 0;
    for (String raw : lines) {
      lineNumber++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending = (pending == null ? new StringBuilder() : pending).append(line, 0, line.length() - 1);
        continue;
      }
      String value = pending == null ? line : pending.append(line).toString();
      pending = null;
      out.add(unquote(value, file, lineNumber));
    }
    if (pending != null) {
      throw new UsageException("Options file " + file + " ends with a continued line (trailing backslash)");
    }
    return out;
  }

  private static String unquote(String value, Path file, int line) {
    if (value.length() >= 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      char quote = value.charAt(0);
      if (value.length() < 2 || value.charAt(value.length() - 1) != quote) {
        throw new UsageException("Options file " + file + " line " + line + ": unbalanced quote in " + value);
      }
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
