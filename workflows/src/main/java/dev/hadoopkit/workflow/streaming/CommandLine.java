package dev.hadoopkit.workflow.streaming;

import java.util.ArrayList;
import java.util.List;

/**
 * A streaming command line split into program and arguments without a shell: whitespace separates arguments, single
 * quotes keep everything literal, double quotes keep whitespace (and allow {@code \"}), as Hadoop Streaming splits
 * {@code -mapper}. {@code tr -s ' ' '\n'} gives [tr, -s, " ", \n].
 */
final class CommandLine {
  private CommandLine() {
  }

  public static List<String> split(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inToken = false;
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else {
          current.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inToken = true;
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          out.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else {
        current.append(c);
        inToken = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("Invalid streaming command [" + command + "]: unclosed " + quote
          + " quote");
    }
    if (inToken) {
      out.add(current.toString());
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("Invalid streaming command: it is empty");
    }
    return List.copyOf(out);
  }
}
