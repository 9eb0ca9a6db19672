package dev.hadoopkit.ingest.imports;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.hadoopkit.ingest.imports.mysql.RawText;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * A hand-written result set over rows of Java values, answering the getters the row writers call as a JDBC driver
 * does: null values give null objects, 0/false for primitives and {@code wasNull() == true}. Strings answer
 * {@code getObject(i, LocalDate/LocalDateTime/LocalTime)} by parsing, as a driver converts its text.
 */
final class FakeResultSet {
  private FakeResultSet() {
  }

  static ResultSet of(List<Object[]> rows) {
    int[] position = {-1};
    boolean[] lastNull = {false};
    return (ResultSet) Proxy.newProxyInstance(FakeResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (proxy, method, args) -> {
          String name = method.getName();
          switch (name) {
            case "next":
              return ++position[0] < rows.size();
            case "wasNull":
              return lastNull[0];
            case "close":
              return null;
            default:
              break;
          }
          if (!name.startsWith("get") || args == null || !(args[0] instanceof Integer)) {
            throw new UnsupportedOperationException("FakeResultSet." + name);
          }
          Object value = rows.get(position[0])[(Integer) args[0] - 1];
          lastNull[0] = value == null;
          switch (name) {
            case "getString":
              return value == null ? null : value.toString();
            case "getInt":
              return value == null ? 0 : ((Number) value).intValue();
            case "getLong":
              return value == null ? 0L : ((Number) value).longValue();
            case "getFloat":
              return value == null ? 0f : ((Number) value).floatValue();
            case "getDouble":
              return value == null ? 0d : ((Number) value).doubleValue();
            case "getBoolean":
              return value != null && (Boolean) value;
            case "getBigDecimal":
              return value == null ? null : new BigDecimal(value.toString());
            case "getBytes":
              return value == null ? null : ((byte[]) value).clone();
            case "getObject":
              return value == null ? null : convert(value, (Class<?>) args[1]);
            default:
              throw new UnsupportedOperationException("FakeResultSet." + name);
          }
        });
  }

  private static Object convert(Object value, Class<?> type) throws SQLException {
    if (type.isInstance(value)) {
      return value;
    }
    String text = value.toString();
    if (type == LocalDate.class) {
      return LocalDate.parse(text);
    }
    if (type == LocalDateTime.class) {
      return LocalDateTime.parse(text.replace(' ', 'T'));
    }
    if (type == LocalTime.class) {
      return LocalTime.parse(text);
    }
    if (type == RawText.class) {
      // In the middle of a larger buffer, as in the driver's row.
      byte[] bytes = ("<<" + text + ">>").getBytes(StandardCharsets.UTF_8);
      return new RawText(bytes, 2, bytes.length - 4);
    }
    throw new SQLException("Cannot convert " + value + " to " + type.getName());
  }
}
