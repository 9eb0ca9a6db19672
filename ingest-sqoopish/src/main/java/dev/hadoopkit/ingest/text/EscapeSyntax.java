package dev.hadoopkit.ingest.text;

import dev.hadoopkit.formats.tool.UsageException;


/**
 * Sqoop's character-argument syntax for delimiter options: a single character, or an escape such as
 * {@code \t}, {@code \n}, {@code \\}, {@code \0} (no character), {@code \0001} (octal), {@code \0x01} (hex).
 */
public final class EscapeSyntax {
  /** Sqoop's "no character" marker ({@code \0}): no enclosing or escaping. */
  public static final char NONE = '\000';

  private EscapeSyntax() {
  }

  /**
   * Parses one character argument.
   *
   * @param option the option name, for messages
   * @param value the argument as typed
   * @param warnings receives Sqoop's multi-character warning, may be null
   */
  public static char toChar(String option, String value, StringBuilder warnings) {
    if (value == null || value.isEmpty()) {
      throw new UsageException("Invalid value for --" + option + ": it is empty; give one character or an escape such as '\\t' or '\\0001'");
    }
    if (value.charAt(0) != '\\') {
      if (value.length() > 1 && warnings != null) {
        warnings.append("Character argument ").append(value).append(" for --").append(option)
            .append(" has multiple characters; only the first will be used.\n");
      }
      return value.charAt(0);
    }
    if (value.length() == 1) {
      return '\\';
    }
    char kind = value.charAt(1);
    if (value.length() == 2) {
      switch (kind) {
        case 'b': return '\b';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case '"': return '"';
        case '\'': return '\'';
        case '\\': return '\\';
        case '0': return NONE;
        default: throw badEscape(option, value);
      }
    }
    if (kind != '0') {
      throw badEscape(option, value);
    }
    try {
      int code;
      if (value.length() > 2 && (value.charAt(2) == 'x' || value.charAt(2) == 'X')) {
        code = Integer.parseInt(value.substring(3), 16);
      } else {
        code = Integer.parseInt(value.substring(2), 8);
      }
      if (code < 0 || code > Character.MAX_VALUE) {
        throw badEscape(option, value);
      }
      return (char) code;
    } catch (NumberFormatException e) {
      throw badEscape(option, value);
    }
  }

  /** How a character is shown back to people: printable as is, else as Sqoop's octal escape. */
  public static String describe(char c) {
    switch (c) {
      case NONE: return "\\0 (none)";
      case '\t': return "\\t";
      case '\n': return "\\n";
      case '\r': return "\\r";
      default:
        return c < 0x20 || c == 0x7f ? String.format("\\0%03o", (int) c) : String.valueOf(c);
    }
  }

  /** Undoes Java-style escapes in a null-string argument ({@code \\N} becomes {@code \N}), as Sqoop's generated code did. */
  public static String unescapeNullString(String value) {
    if (value == null || value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(i + 1);
        switch (next) {
          case '\\': out.append('\\'); i++; continue;
          case 't': out.append('\t'); i++; continue;
          case 'n': out.append('\n'); i++; continue;
          case 'r': out.append('\r'); i++; continue;
          default: break;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static UsageException badEscape(String option, String value) {
    return new UsageException("Invalid escape '" + value + "' for --" + option
        + ": use one character, \\b \\n \\r \\t \\\" \\' \\\\, \\0 (none), an octal code like \\0001 or a hex code like \\0x01");
  }
}
