package dev.hadoopkit.formats.movielens;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of RFC 4180 style text: fields separated by one character, each optionally quoted with '"' (a
 * doubled quote inside is one quote, the separator inside is data). Shared by the MovieLens movies.csv parser and the
 * CSV/TSV text layouts.
 */
public final class QuotedFields {

  private QuotedFields() {
  }

  /** The fields; an unterminated quoted field ends at the end of the line. */
  public static List<String> split(String line, char separator) {
    List<String> fields = new ArrayList<>();
    split(line, separator, fields);
    return fields;
  }

  /** The fields, or a {@link MalformedRecordException} when a quoted field is not closed. */
  public static List<String> splitStrict(String line, char separator) throws MalformedRecordException {
    List<String> fields = new ArrayList<>(3);
    if (!split(line, separator, fields)) {
      throw new MalformedRecordException("unterminated quoted field");
    }
    return fields;
  }

  /** Adds the fields to {@code fields}; false when the last quoted field was not closed. */
  private static boolean split(String line, char separator, List<String> fields) {
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return !quoted;
  }
}
