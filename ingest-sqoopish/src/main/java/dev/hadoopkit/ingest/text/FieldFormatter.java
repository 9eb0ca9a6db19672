package dev.hadoopkit.ingest.text;

/**
 * Writes one field the way Sqoop 1.4.7's generated record classes do (FieldFormatter.escapeAndEnclose): escape
 * characters are doubled; without an encloser the field and line terminators are escaped; with one, the encloser is
 * escaped and the field enclosed (always, or only when it holds a terminator if enclosing is optional).
 * Appends into a caller-owned buffer so that formatting a row allocates nothing.
 */
public final class FieldFormatter {
  private final char fields;
  private final char lines;
  private final char encloser;
  private final char escape;
  private final boolean enclosing;
  private final boolean escaping;
  private final boolean encloseAlways;

  public FieldFormatter(Delimiters delimiters) {
    this.fields = delimiters.fieldsTerminatedBy();
    this.lines = delimiters.linesTerminatedBy();
    this.encloser = delimiters.enclosedBy();
    this.escape = delimiters.escapedBy();
    this.enclosing = delimiters.hasEnclosing();
    this.escaping = delimiters.hasEscaping();
    this.encloseAlways = enclosing && !delimiters.encloseOptional();
  }

  /** Appends {@code value} escaped and enclosed as configured. */
  public void append(StringBuilder out, CharSequence value) {
    int length = value.length();
    if (!enclosing && !escaping) {
      out.append(value);
      return;
    }
    boolean enclose = encloseAlways;
    if (enclosing && !enclose) {
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c == fields || c == lines) {
          enclose = true;
          break;
        }
      }
    }
    if (enclose) {
      out.append(encloser);
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (escaping) {
        if (c == escape) {
          out.append(escape);
        } else if (enclosing) {
          if (c == encloser) {
            out.append(escape);
          }
        } else if (c == fields || c == lines) {
          out.append(escape);
        }
      }
      out.append(c);
    }
    if (enclose) {
      out.append(encloser);
    }
  }

  /**
   * Appends a value Sqoop formats with {@code "" + value} (numbers, dates, booleans): these only need escaping when a
   * delimiter is a digit or punctuation they contain, so they go through the same rules.
   */
  public void appendPlain(StringBuilder out, CharSequence value) {
    append(out, value);
  }
}
