package dev.hadoopkit.formats.text;

import dev.hadoopkit.formats.movielens.QuotedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text layouts the tools read and write: comma- or tab-separated with a header row, or JSON lines. */
public enum TextLayout {
  CSV(','), TSV('\t'), JSON((char) 0);

  private final char separator;

  TextLayout(char separator) {
    this.separator = separator;
  }

  public char separator() {
    return separator;
  }

  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** JSON when the line starts with '{', TSV when it holds a tab, else CSV. */
  public static TextLayout detect(String firstLine) {
    String trimmed = firstLine.stripLeading();
    if (trimmed.startsWith("{")) {
      return JSON;
    }
    return firstLine.indexOf('\t') >= 0 ? TSV : CSV;
  }

  /** Splits one line; CSV fields may be quoted with '"' (a doubled quote inside is one quote). */
  public List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    if (this == TSV) {
      int start = 0;
      for (int i = 0; i <= line.length(); i++) {
        if (i == line.length() || line.charAt(i) == '\t') {
          fields.add(line.substring(start, i));
          start = i + 1;
        }
      }
      return fields;
    }
    return QuotedFields.split(line, separator);
  }

  /** One field for output, quoted when it holds the separator, a quote or a line break. */
  public String quote(String value) {
    if (this == TSV) {
      return value.replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }
    if (value.indexOf(separator) < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
