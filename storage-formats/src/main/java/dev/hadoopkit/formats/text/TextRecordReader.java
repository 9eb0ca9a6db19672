package dev.hadoopkit.formats.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * CSV, TSV or JSON lines read in a given schema. A first line whose fields are the schema's column names is a
 * header and maps columns by name; otherwise columns are taken in schema order. Errors name file, line and column.
 */
public final class TextRecordReader implements RecordReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedReader lines;
  private final String source;
  private final Schema schema;
  private TextLayout layout;
  private int[] positions;
  private long lineNumber;
  private String pending;

  public TextRecordReader(BufferedReader lines, String source, Schema schema, TextLayout layout) throws IOException {
    this.lines = lines;
    this.source = source;
    this.schema = schema;
    this.layout = layout;
    readHeader();
  }

  private void readHeader() throws IOException {
    String first = lines.readLine();
    if (first == null) {
      return;
    }
    if (first.startsWith("\uFEFF")) {
      first = first.substring(1);
    }
    lineNumber = 1;
    if (layout == null) {
      layout = TextLayout.detect(first);
    }
    List<Schema.Field> fields = schema.getFields();
    positions = new int[fields.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    if (layout == TextLayout.JSON) {
      pending = first;
      return;
    }
    List<String> header = layout.split(first);
    boolean isHeader = true;
    for (Schema.Field field : fields) {
      if (!containsIgnoreCase(header, field.name())) {
        isHeader = false;
        break;
      }
    }
    if (isHeader) {
      for (int i = 0; i < positions.length; i++) {
        positions[i] = indexOfIgnoreCase(header, fields.get(i).name());
      }
    } else {
      pending = first;
    }
  }

  private static boolean containsIgnoreCase(List<String> header, String name) {
    return indexOfIgnoreCase(header, name) >= 0;
  }

  private static int indexOfIgnoreCase(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public GenericRecord next() throws IOException {
    String line;
    while (true) {
      if (pending != null) {
        line = pending;
        pending = null;
      } else {
        line = lines.readLine();
        if (line == null) {
          return null;
        }
        lineNumber++;
      }
      if (!line.isBlank()) {
        break;
      }
    }
    return layout == TextLayout.JSON ? fromJson(line) : fromDelimited(line);
  }

  private GenericRecord fromDelimited(String line) throws IOException {
    List<String> values = layout.split(line);
    GenericData.Record record = new GenericData.Record(schema);
    List<Schema.Field> fields = schema.getFields();
    for (int i = 0; i < positions.length; i++) {
      int position = positions[i];
      String text = position < values.size() ? values.get(position) : null;
      if (text == null && !Schemas.isNullable(fields.get(i).schema())) {
        throw error(fields.get(i).name(), "missing (the line has " + values.size() + " fields, "
            + fields.size() + " expected)");
      }
      record.put(i, parse(text, fields.get(i)));
    }
    return record;
  }

  private GenericRecord fromJson(String line) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw error(null, "not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (node == null || !node.isObject()) {
      throw error(null, "not a JSON object");
    }
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = node.get(field.name());
      String text = value == null || value.isNull() ? null : value.asText();
      record.put(field.pos(), parse(text, field));
    }
    return record;
  }

  private Object parse(String text, Schema.Field field) throws IOException {
    try {
      return TextValues.parse(text, field.schema());
    } catch (TextValues.InvalidValueException e) {
      throw error(field.name(), e.getMessage());
    }
  }

  private IOException error(String column, String problem) {
    return new IOException(String.format(Locale.ROOT, "Cannot read %s line %d%s: %s", source, lineNumber,
        column == null ? "" : " column " + column, problem));
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
