package dev.hadoopkit.formats.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Infers an Avro schema from a CSV/TSV header and a sample of rows: each column gets the narrowest of int, long,
 * double, boolean, date, timestamp-millis and string that fits every sampled value, nullable when a value was empty.
 */
public final class SchemaInference {

  /** Rows looked at by default. */
  public static final int DEFAULT_SAMPLE = 1000;

  private enum Kind { NONE, INT, LONG, DOUBLE, BOOLEAN, DATE, TIMESTAMP, STRING }

  private SchemaInference() {
  }

  public static Schema infer(BufferedReader lines, String source, String recordName, int sampleRows) throws IOException {
    String headerLine = lines.readLine();
    if (headerLine == null) {
      throw new IOException("Cannot infer a schema from " + source + ": the file is empty");
    }
    if (headerLine.startsWith("\uFEFF")) {
      headerLine = headerLine.substring(1);
    }
    TextLayout layout = TextLayout.detect(headerLine);
    if (layout == TextLayout.JSON) {
      throw new IOException("Cannot infer a schema from " + source + ": --infer reads a CSV or TSV header; pass --schema for JSON lines");
    }
    List<String> header = layout.split(headerLine);
    Kind[] kinds = new Kind[header.size()];
    boolean[] nullable = new boolean[header.size()];
    java.util.Arrays.fill(kinds, Kind.NONE);
    String line;
    int rows = 0;
    while (rows < sampleRows && (line = lines.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      rows++;
      List<String> values = layout.split(line);
      for (int i = 0; i < kinds.length; i++) {
        String value = i < values.size() ? values.get(i).trim() : "";
        if (value.isEmpty()) {
          nullable[i] = true;
        } else {
          kinds[i] = widen(kinds[i], kindOf(value));
        }
      }
    }
    List<Schema.Field> fields = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < kinds.length; i++) {
      String name = avroName(header.get(i), i, used);
      Schema type = schemaOf(kinds[i]);
      if (nullable[i] || kinds[i] == Kind.NONE) {
        fields.add(new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), type), null, Schema.Field.NULL_DEFAULT_VALUE));
      } else {
        fields.add(new Schema.Field(name, type));
      }
    }
    return Schema.createRecord(recordName, "Inferred from " + source + " (" + rows + " rows sampled)", null, false, fields);
  }

  private static Kind kindOf(String value) {
    if (TextValues.isInteger(value)) {
      try {
        Integer.parseInt(value);
        return Kind.INT;
      } catch (NumberFormatException e) {
        try {
          Long.parseLong(value);
          return Kind.LONG;
        } catch (NumberFormatException tooLong) {
          return Kind.STRING;
        }
      }
    }
    try {
      Double.parseDouble(value);
      if (!value.equalsIgnoreCase("nan") && !value.toLowerCase().contains("infinity")) {
        return Kind.DOUBLE;
      }
    } catch (NumberFormatException e) {
      // not a number
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Kind.BOOLEAN;
    }
    if (value.length() == 10) {
      try {
        LocalDate.parse(value);
        return Kind.DATE;
      } catch (DateTimeParseException e) {
        // not a date
      }
    }
    if (value.length() >= 19 && Character.isDigit(value.charAt(0))) {
      try {
        TextValues.parseInstant(value);
        return Kind.TIMESTAMP;
      } catch (DateTimeParseException e) {
        // not a timestamp
      }
    }
    return Kind.STRING;
  }

  private static Kind widen(Kind current, Kind next) {
    if (current == Kind.NONE || current == next) {
      return next;
    }
    boolean numeric = (current == Kind.INT || current == Kind.LONG || current == Kind.DOUBLE)
        && (next == Kind.INT || next == Kind.LONG || next == Kind.DOUBLE);
    if (numeric) {
      return current.ordinal() > next.ordinal() ? current : next;
    }
    return Kind.STRING;
  }

  private static Schema schemaOf(Kind kind) {
    switch (kind) {
      case INT:
        return Schema.create(Schema.Type.INT);
      case LONG:
        return Schema.create(Schema.Type.LONG);
      case DOUBLE:
        return Schema.create(Schema.Type.DOUBLE);
      case BOOLEAN:
        return Schema.create(Schema.Type.BOOLEAN);
      case DATE:
        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIMESTAMP:
        return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      default:
        return Schema.create(Schema.Type.STRING);
    }
  }

  /** A valid, unique Avro name: letters, digits and '_', not starting with a digit. */
  private static String avroName(String header, int index, Set<String> used) {
    StringBuilder name = new StringBuilder();
    for (char c : header.trim().toCharArray()) {
      name.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
      name.insert(0, "column" + (name.length() == 0 ? index + 1 : "_"));
    }
    String unique = name.toString();
    for (int n = 2; !used.add(unique); n++) {
      unique = name + "_" + n;
    }
    return unique;
  }

}
