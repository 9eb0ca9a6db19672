package dev.hadoopkit.ingest.text;

import java.util.List;

/**
 * Splits one text record into fields as Sqoop 1.4.7's RecordParser does: fields may be enclosed, an escape character
 * makes the next character literal, and a field that was never enclosed keeps its exact text. Reuses its buffers.
 */
public final class RecordParser {
  private final char fields;
  private final char lines;
  private final char encloser;
  private final char escape;
  private final boolean enclosing;
  private final boolean escaping;
  private final StringBuilder field = new StringBuilder(64);

  /** Thrown for a record that cannot be parsed; the caller adds file and line. */
  public static class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
      super(message);
    }
  }

  /** The record ends inside an enclosed field or right after an escape: it continues on the next line. */
  public static final class IncompleteRecordException extends ParseException {
    private static final long serialVersionUID = 1L;

    public IncompleteRecordException(String message) {
      super(message);
    }
  }

  public RecordParser(Delimiters delimiters) {
    this.fields = delimiters.fieldsTerminatedBy();
    this.lines = delimiters.linesTerminatedBy();
    this.encloser = delimiters.enclosedBy();
    this.escape = delimiters.escapedBy();
    this.enclosing = delimiters.hasEnclosing();
    this.escaping = delimiters.hasEscaping();
  }

  /**
   * Parses {@code record} (without its final line terminator) into {@code out}, which is cleared first.
   *
   * @throws ParseException for an unterminated enclosed field or text after a closing encloser
   */
  public void parse(CharSequence record, List<String> out) throws ParseException {
    out.clear();
    int length = record.length();
    if (!enclosing && !escaping) {
      int start = 0;
      for (int i = 0; i < length; i++) {
        if (record.charAt(i) == fields) {
          out.add(record.subSequence(start, i).toString());
          start = i + 1;
        }
      }
      out.add(record.subSequence(start, length).toString());
      return;
    }
    field.setLength(0);
    boolean inEnclosed = false;
    boolean wasEnclosed = false;
    boolean afterClose = false;
    for (int i = 0; i < length; i++) {
      char c = record.charAt(i);
      if (escaping && c == escape) {
        if (i + 1 >= length) {
          throw new IncompleteRecordException("escape character '" + EscapeSyntax.describe(escape) + "' at the end of the record");
        }
        char next = record.charAt(i + 1);
        if (next == escape || next == fields || next == lines || (enclosing && next == encloser)) {
          field.append(next);
          i++;
        } else {
          // Not an escape FieldFormatter writes: keep it as text (so a null marker such as \N survives).
          field.append(c);
        }
        continue;
      }
      if (inEnclosed) {
        if (c == encloser) {
          inEnclosed = false;
          afterClose = true;
        } else {
          field.append(c);
        }
        continue;
      }
      if (c == fields) {
        out.add(field.toString());
        field.setLength(0);
        wasEnclosed = false;
        afterClose = false;
        continue;
      }
      if (afterClose) {
        throw new ParseException("unexpected character '" + c + "' after the closing "
            + EscapeSyntax.describe(encloser) + " of field " + (out.size() + 1));
      }
      if (enclosing && c == encloser && field.length() == 0 && !wasEnclosed) {
        inEnclosed = true;
        wasEnclosed = true;
        continue;
      }
      field.append(c);
    }
    if (inEnclosed) {
      throw new IncompleteRecordException("field " + (out.size() + 1) + " opens with " + EscapeSyntax.describe(encloser)
          + " but never closes");
    }
    out.add(field.toString());
  }
}
