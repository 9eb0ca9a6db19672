package dev.hadoopkit.ingest.text;

import org.apache.hadoop.conf.Configuration;

/** Sqoop's delimiter set: field and line terminators, optional enclosing and escaping characters. Immutable. */
public final class Delimiters {
  /** Sqoop's default output: comma-separated, newline-terminated, no enclosing, no escaping. */
  public static final Delimiters DEFAULT = new Delimiters(',', '\n', EscapeSyntax.NONE, EscapeSyntax.NONE, false);
  /** {@code --mysql-delimiters}: what mysqldump uses. */
  public static final Delimiters MYSQL = new Delimiters(',', '\n', '\'', '\\', true);

  private final char fieldsTerminatedBy;
  private final char linesTerminatedBy;
  private final char enclosedBy;
  private final char escapedBy;
  private final boolean encloseOptional;

  public Delimiters(char fieldsTerminatedBy, char linesTerminatedBy, char enclosedBy, char escapedBy, boolean encloseOptional) {
    this.fieldsTerminatedBy = fieldsTerminatedBy;
    this.linesTerminatedBy = linesTerminatedBy;
    this.enclosedBy = enclosedBy;
    this.escapedBy = escapedBy;
    this.encloseOptional = encloseOptional;
  }

  public char fieldsTerminatedBy() {
    return fieldsTerminatedBy;
  }

  public char linesTerminatedBy() {
    return linesTerminatedBy;
  }

  public char enclosedBy() {
    return enclosedBy;
  }

  public char escapedBy() {
    return escapedBy;
  }

  /** True when fields are enclosed only if they contain a delimiter ({@code --optionally-enclosed-by}). */
  public boolean encloseOptional() {
    return encloseOptional;
  }

  public boolean hasEnclosing() {
    return enclosedBy != EscapeSyntax.NONE;
  }

  public boolean hasEscaping() {
    return escapedBy != EscapeSyntax.NONE;
  }

  public Delimiters withFieldsTerminatedBy(char c) {
    return new Delimiters(c, linesTerminatedBy, enclosedBy, escapedBy, encloseOptional);
  }

  public Delimiters withLinesTerminatedBy(char c) {
    return new Delimiters(fieldsTerminatedBy, c, enclosedBy, escapedBy, encloseOptional);
  }

  public Delimiters withEnclosedBy(char c, boolean optional) {
    return new Delimiters(fieldsTerminatedBy, linesTerminatedBy, c, escapedBy, optional);
  }

  public Delimiters withEscapedBy(char c) {
    return new Delimiters(fieldsTerminatedBy, linesTerminatedBy, enclosedBy, c, encloseOptional);
  }

  /** Stores this set under {@code prefix} (characters as numbers, so control characters survive job.xml). */
  public void store(Configuration conf, String prefix) {
    conf.setInt(prefix + ".fields", fieldsTerminatedBy);
    conf.setInt(prefix + ".lines", linesTerminatedBy);
    conf.setInt(prefix + ".enclosed", enclosedBy);
    conf.setInt(prefix + ".escaped", escapedBy);
    conf.setBoolean(prefix + ".enclose.optional", encloseOptional);
  }

  public static Delimiters load(Configuration conf, String prefix) {
    return new Delimiters(
        (char) conf.getInt(prefix + ".fields", DEFAULT.fieldsTerminatedBy),
        (char) conf.getInt(prefix + ".lines", DEFAULT.linesTerminatedBy),
        (char) conf.getInt(prefix + ".enclosed", DEFAULT.enclosedBy),
        (char) conf.getInt(prefix + ".escaped", DEFAULT.escapedBy),
        conf.getBoolean(prefix + ".enclose.optional", DEFAULT.encloseOptional));
  }

  @Override
  public String toString() {
    return "fields=" + EscapeSyntax.describe(fieldsTerminatedBy) + " lines=" + EscapeSyntax.describe(linesTerminatedBy)
        + " enclosed=" + EscapeSyntax.describe(enclosedBy) + (encloseOptional ? " (optional)" : "")
        + " escaped=" + EscapeSyntax.describe(escapedBy);
  }
}
