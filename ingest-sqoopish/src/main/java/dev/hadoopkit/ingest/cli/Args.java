package dev.hadoopkit.ingest.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/** A parsed tool command line with Sqoop's value rules; arguments after a lone {@code --} are kept as extra args. */
public final class Args {
  private final String tool;
  private final CommandLine line;
  private final List<String> extra;
  private final StringBuilder warnings = new StringBuilder();

  private Args(String tool, CommandLine line, List<String> extra) {
    this.tool = tool;
    this.line = line;
    this.extra = extra;
  }

  public static Args parse(String tool, Options options, String[] args) {
    List<String> all = Arrays.asList(args);
    int split = all.indexOf("--");
    List<String> mine = split < 0 ? all : all.subList(0, split);
    List<String> extra = split < 0 ? List.of() : List.copyOf(all.subList(split + 1, all.size()));
    try {
      CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).build()
          .parse(options, mine.toArray(new String[0]), false);
      if (!line.getArgList().isEmpty()) {
        throw new UsageException("Unrecognized argument '" + line.getArgList().get(0) + "' for " + tool
            + ". Run 'sqoop help " + tool + "' for its options.");
      }
      return new Args(tool, line, extra);
    } catch (UnrecognizedOptionException e) {
      throw new UsageException(UnsupportedOptions.message(tool, e.getOption(), options));
    } catch (ParseException e) {
      throw new UsageException(e.getMessage() + ". Run 'sqoop help " + tool + "' for its options.");
    }
  }

  public String tool() {
    return tool;
  }

  public List<String> extra() {
    return extra;
  }

  /** Warnings gathered while reading values (Sqoop's multi-character delimiter note and the like). */
  public StringBuilder warnings() {
    return warnings;
  }

  public boolean has(String option) {
    return line.hasOption(option);
  }

  public String get(String option) {
    return line.getOptionValue(option);
  }

  public String get(String option, String defaultValue) {
    return line.getOptionValue(option, defaultValue);
  }

  public String require(String option, String why) {
    String value = line.getOptionValue(option);
    if (value == null || value.isBlank()) {
      throw new UsageException("Missing --" + option + ": " + why);
    }
    return value;
  }

  /** A whole-number option's value, or null; a bad number is a usage error naming the option. */
  public Integer getInt(String option) {
    Number n = number(option);
    return n == null ? null : n.intValue();
  }

  /** A whole-number option's value, or null; a bad number is a usage error naming the option. */
  public Long getLong(String option) {
    Number n = number(option);
    return n == null ? null : n.longValue();
  }

  /** The typed value commons-cli converts (the option's type is set in {@link OptionSets}). */
  private Number number(String option) {
    try {
      Object value = line.getParsedOptionValue(option);
      if (value != null && !(value instanceof Number)) {
        throw new IllegalStateException("--" + option + " is not declared as a number in OptionSets");
      }
      return (Number) value;
    } catch (ParseException e) {
      throw new UsageException("Invalid --" + option + " '" + line.getOptionValue(option) + "': give a whole number");
    }
  }

  /** A comma-separated list with blanks trimmed, or an empty list. */
  public List<String> getList(String option) {
    String value = line.getOptionValue(option);
    List<String> out = new ArrayList<>();
    if (value != null) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  public char getChar(String option, char defaultValue) {
    String value = line.getOptionValue(option);
    return value == null ? defaultValue : EscapeSyntax.toChar(option, value, warnings);
  }

  /** Output delimiters from --fields-terminated-by and friends (and --mysql-delimiters). */
  public Delimiters outputDelimiters() {
    Delimiters d = has("mysql-delimiters") ? Delimiters.MYSQL : Delimiters.DEFAULT;
    return applyDelimiters(d, "");
  }

  /** Input delimiters: --input-* options, each defaulting to its output counterpart, as in Sqoop. */
  public Delimiters inputDelimiters() {
    return applyDelimiters(outputDelimiters(), "input-");
  }

  private Delimiters applyDelimiters(Delimiters d, String prefix) {
    if (has(prefix + "fields-terminated-by")) {
      d = d.withFieldsTerminatedBy(getChar(prefix + "fields-terminated-by", ','));
    }
    if (has(prefix + "lines-terminated-by")) {
      d = d.withLinesTerminatedBy(getChar(prefix + "lines-terminated-by", '\n'));
    }
    if (has(prefix + "enclosed-by")) {
      d = d.withEnclosedBy(getChar(prefix + "enclosed-by", EscapeSyntax.NONE), false);
    }
    if (has(prefix + "optionally-enclosed-by")) {
      d = d.withEnclosedBy(getChar(prefix + "optionally-enclosed-by", EscapeSyntax.NONE), true);
    }
    if (has(prefix + "escaped-by")) {
      d = d.withEscapedBy(getChar(prefix + "escaped-by", EscapeSyntax.NONE));
    }
    if (d.fieldsTerminatedBy() == EscapeSyntax.NONE || d.linesTerminatedBy() == EscapeSyntax.NONE) {
      throw new UsageException("Invalid delimiters (" + d + "): the field and line terminators cannot be \\0");
    }
    if (d.fieldsTerminatedBy() == d.linesTerminatedBy()) {
      throw new UsageException("Invalid delimiters (" + d + "): the field and line terminators must differ");
    }
    return d;
  }
}
