package dev.hadoopkit.formats.text;

import dev.hadoopkit.formats.schema.Schemas;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import org.apache.avro.Schema;

/**
 * Text to Avro values and back. Dates are ISO ({@code 1995-01-01}), timestamps ISO instants
 * ({@code 1997-12-04T15:55:49Z}); on input, timestamps may also be {@code yyyy-MM-dd HH:mm:ss} (UTC) or
 * epoch milliseconds, and dates epoch days.
 */
public final class TextValues {

  private TextValues() {
  }

  /** Thrown with a message saying what is wrong with the value; the caller adds where it was. */
  public static final class InvalidValueException extends Exception {
    public InvalidValueException(String message) {
      super(message);
    }
  }

  public static Object parse(String text, Schema fieldSchema) throws InvalidValueException {
    Schema type = Schemas.nonNull(fieldSchema);
    if (text == null || text.isEmpty() && type.getType() != Schema.Type.STRING) {
      if (Schemas.isNullable(fieldSchema)) {
        return null;
      }
      throw new InvalidValueException("empty value for a column that is not nullable (" + describe(type) + ")");
    }
    String logical = Schemas.logicalName(type);
    String value = type.getType() == Schema.Type.STRING ? text : text.trim();
    try {
      switch (type.getType()) {
        case BOOLEAN:
          if (value.equalsIgnoreCase("true") || value.equals("1")) {
            return true;
          }
          if (value.equalsIgnoreCase("false") || value.equals("0")) {
            return false;
          }
          throw new InvalidValueException("'" + value + "' is not a boolean");
        case INT:
          if ("date".equals(logical)) {
            return isInteger(value) ? Integer.parseInt(value) : (int) LocalDate.parse(value).toEpochDay();
          }
          return Integer.parseInt(value);
        case LONG:
          if ("timestamp-millis".equals(logical) || "local-timestamp-millis".equals(logical)) {
            return isInteger(value) ? Long.parseLong(value) : parseInstant(value).toEpochMilli();
          }
          return Long.parseLong(value);
        case FLOAT:
          return Float.parseFloat(value);
        case DOUBLE:
          return Double.parseDouble(value);
        case STRING:
        case ENUM:
          return text;
        case BYTES:
          return ByteBuffer.wrap(Base64.getDecoder().decode(value));
        default:
          throw new InvalidValueException("columns of type " + type.getType() + " cannot be read from text");
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidValueException("'" + value + "' is not " + describe(type));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("'" + value + "' is not " + describe(type) + ": " + e.getMessage());
    }
  }

  public static String format(Object value, Schema fieldSchema) {
    if (value == null) {
      return "";
    }
    Schema type = Schemas.nonNull(fieldSchema);
    String logical = Schemas.logicalName(type);
    if ("date".equals(logical) && value instanceof Number) {
      return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
    }
    if ("timestamp-millis".equals(logical) && value instanceof Number) {
      return Instant.ofEpochMilli(((Number) value).longValue()).toString();
    }
    if ("local-timestamp-millis".equals(logical) && value instanceof Number) {
      // A wall clock (ORC's plain timestamp): the same digits without the Z of an instant.
      return java.time.LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) value).longValue()),
          java.time.ZoneOffset.UTC).toString();
    }
    if (value instanceof ByteBuffer) {
      ByteBuffer buffer = ((ByteBuffer) value).duplicate();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Float || value instanceof Double) {
      double number = ((Number) value).doubleValue();
      return number == Math.rint(number) && !Double.isInfinite(number) ? String.format(Locale.ROOT, "%.1f", number) : value.toString();
    }
    return value.toString();
  }

  static Instant parseInstant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
  }

  static boolean isInteger(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = value.charAt(0) == '-' ? 1 : 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return value.length() > (value.charAt(0) == '-' ? 1 : 0);
  }

  static String describe(Schema type) {
    String logical = Schemas.logicalName(type);
    if ("date".equals(logical)) {
      return "a date (yyyy-MM-dd)";
    }
    if ("timestamp-millis".equals(logical)) {
      return "a timestamp (ISO instant, yyyy-MM-dd HH:mm:ss or epoch milliseconds)";
    }
    switch (type.getType()) {
      case INT:
        return "an int";
      case LONG:
        return "a long";
      case FLOAT:
      case DOUBLE:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      default:
        return "a " + type.getType().getName();
    }
  }
}
