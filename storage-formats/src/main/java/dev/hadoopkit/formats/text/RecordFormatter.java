package dev.hadoopkit.formats.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Renders records as text lines: JSON objects or delimited fields, logical types in ISO form. */
public final class RecordFormatter {

  private static final JsonFactory JSON = new JsonFactory();

  private RecordFormatter() {
  }

  public static String format(GenericRecord record, TextLayout layout) {
    return layout == TextLayout.JSON ? json(record) : delimited(record, layout);
  }

  public static String header(Schema schema, TextLayout layout) {
    StringBuilder line = new StringBuilder();
    List<String> names = Schemas.names(schema);
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        line.append(layout.separator());
      }
      line.append(layout.quote(names.get(i)));
    }
    return line.toString();
  }

  public static String delimited(GenericRecord record, TextLayout layout) {
    StringBuilder line = new StringBuilder();
    List<Schema.Field> fields = record.getSchema().getFields();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(layout.separator());
      }
      line.append(layout.quote(TextValues.format(record.get(i), fields.get(i).schema())));
    }
    return line.toString();
  }

  public static String json(GenericRecord record) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      writeJson(json, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static void writeJson(JsonGenerator json, GenericRecord record) throws IOException {
    json.writeStartObject();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      Schema type = Schemas.nonNull(field.schema());
      json.writeFieldName(field.name());
      if (value == null) {
        json.writeNull();
      } else if (Schemas.logicalName(type) != null) {
        json.writeString(TextValues.format(value, type));
      } else if (value instanceof Integer || value instanceof Long) {
        json.writeNumber(((Number) value).longValue());
      } else if (value instanceof Float) {
        json.writeNumber((Float) value);
      } else if (value instanceof Double) {
        json.writeNumber((Double) value);
      } else if (value instanceof Boolean) {
        json.writeBoolean((Boolean) value);
      } else {
        json.writeString(TextValues.format(value, type));
      }
    }
    json.writeEndObject();
  }
}
