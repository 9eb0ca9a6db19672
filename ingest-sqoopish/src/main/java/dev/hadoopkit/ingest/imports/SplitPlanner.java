package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.db.Dialect;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an import into conditions on the split column, one per mapper. Without a --boundary-query the conditions
 * partition every row: the first range is open below and also takes the rows whose split column is NULL (Sqoop drops
 * those), the last is open above, so a bad boundary can never lose a row. A --boundary-query narrows the import, as in
 * Sqoop: only the rows whose split column lies within its two values (both included) are imported, no NULL keys. Text columns are split at quantiles the database itself computes
 * (ORDER BY ... OFFSET), so the ranges follow the column's collation.
 */
public final class SplitPlanner {
  /** Everything in one split. */
  public static final String ALL = "1 = 1";

  private final Connection connection;
  private final Dialect dialect;
  private final List<String> warnings = new ArrayList<>();
  private final int maxSplits;

  public SplitPlanner(Connection connection, Dialect dialect) {
    this(connection, dialect, IngestKeys.DEFAULT_IMPORT_MAX_SPLITS);
  }

  /** @param maxSplits most splits --split-limit may plan (see {@link IngestKeys#IMPORT_MAX_SPLITS}) */
  public SplitPlanner(Connection connection, Dialect dialect, int maxSplits) {
    this.connection = connection;
    this.dialect = dialect;
    this.maxSplits = maxSplits;
  }

  /** integerPoints with the cap, and a warning when the cap cut the splits --split-limit asked for. */
  private List<BigInteger> points(String column, BigInteger min, BigInteger max, int mappers, Long limit, Long userLimit,
      String unit) {
    if (limit != null && limit > 0) {
      BigInteger needed = splitsNeeded(min, max, limit);
      int cap = Math.max(mappers, maxSplits);
      if (needed.compareTo(BigInteger.valueOf(cap)) > 0) {
        BigInteger per = max.subtract(min).add(BigInteger.ONE).add(BigInteger.valueOf(cap - 1)).divide(BigInteger.valueOf(cap));
        warnings.add("--split-limit " + userLimit + " would plan " + needed + " splits on " + column.replaceAll("[`\"]", "")
            + "; capped at " + cap + " (-D " + IngestKeys.IMPORT_MAX_SPLITS + "): each split covers up to " + per + " " + unit);
      }
    }
    return integerPoints(min, max, mappers, limit, maxSplits);
  }

  public List<String> warnings() {
    return warnings;
  }

  /** The kind of split a JDBC type allows; null when it cannot be split. */
  public enum Kind { INTEGER, DECIMAL, DATE, TIMESTAMP, TIME, BOOLEAN, TEXT }

  public static Kind kindOf(int jdbcType) {
    switch (jdbcType) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
        return Kind.INTEGER;
      case Types.DECIMAL:
      case Types.NUMERIC:
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
        return Kind.DECIMAL;
      case Types.DATE:
        return Kind.DATE;
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return Kind.TIMESTAMP;
      case Types.TIME:
        return Kind.TIME;
      case Types.BIT:
      case Types.BOOLEAN:
        return Kind.BOOLEAN;
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
        return Kind.TEXT;
      default:
        return null;
    }
  }

  /**
   * Plans the splits.
   *
   * @param column the split column as written in the import query (maybe qualified)
   * @param boundaryColumn the same column as seen from {@code fromClause}
   * @param fromClause {@code FROM ...} text the boundaries are computed over
   * @param boundaryQuery the user's --boundary-query, or null
   * @param splitLimit the largest range per split for integer/date columns, or null
   */
  public List<String> plan(String column, String boundaryColumn, String fromClause, String boundaryQuery, int mappers,
      Long splitLimit) {
    if (mappers <= 1) {
      return List.of(ALL);
    }
    String sql = boundaryQuery != null ? boundaryQuery
        : "SELECT MIN(" + boundaryColumn + "), MAX(" + boundaryColumn + ") " + fromClause;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int type = rs.getMetaData().getColumnType(1);
      if (rs.getMetaData().getColumnCount() < 2) {
        throw new UsageException("Invalid --boundary-query: it must return two columns (the minimum and the maximum)");
      }
      Kind kind = kindOf(type);
      if (kind == null) {
        throw new UsageException("Cannot split on column " + column + " of type " + rs.getMetaData().getColumnTypeName(1)
            + ": choose another --split-by column (integer, decimal, date/time, boolean or text) or use -m 1");
      }
      if (!rs.next()) {
        return List.of(ALL);
      }
      switch (kind) {
        case INTEGER:
        case DECIMAL: {
          BigDecimal min = rs.getBigDecimal(1);
          BigDecimal max = rs.getBigDecimal(2);
          if (min == null || max == null) {
            return unbounded(boundaryQuery);
          }
          List<String> bounds = kind == Kind.INTEGER ? points(column, min.toBigInteger(), max.toBigInteger(), mappers, splitLimit, splitLimit, "values")
              .stream().map(BigInteger::toString).collect(java.util.stream.Collectors.toList())
              : decimalBounds(min, max, mappers);
          return ranges(column, bounds, boundaryQuery, min.toPlainString(), max.toPlainString());
        }
        case DATE: {
          java.sql.Date min = rs.getDate(1);
          java.sql.Date max = rs.getDate(2);
          if (min == null || max == null) {
            return unbounded(boundaryQuery);
          }
          long lo = min.toLocalDate().toEpochDay();
          long hi = max.toLocalDate().toEpochDay();
          List<String> bounds = new ArrayList<>();
          for (BigInteger b : points(column, BigInteger.valueOf(lo), BigInteger.valueOf(hi), mappers,
              splitLimit == null ? null : Math.max(1, splitLimit / 86_400L), splitLimit, "days")) {
            bounds.add("'" + java.time.LocalDate.ofEpochDay(b.longValue()) + "'");
          }
          return ranges(column, bounds, boundaryQuery, "'" + min + "'", "'" + max + "'");
        }
        case TIMESTAMP: {
          Timestamp min = rs.getTimestamp(1);
          Timestamp max = rs.getTimestamp(2);
          if (min == null || max == null) {
            return unbounded(boundaryQuery);
          }
          List<String> bounds = new ArrayList<>();
          for (BigInteger b : points(column, BigInteger.valueOf(min.getTime()), BigInteger.valueOf(max.getTime()), mappers,
              splitLimit == null ? null : splitLimit * 1000L, splitLimit, "milliseconds")) {
            bounds.add("'" + new Timestamp(b.longValue()) + "'");
          }
          return ranges(column, bounds, boundaryQuery, "'" + min + "'", "'" + max + "'");
        }
        case TIME: {
          String min = rs.getString(1);
          String max = rs.getString(2);
          if (min == null || max == null) {
            return unbounded(boundaryQuery);
          }
          List<String> bounds = new ArrayList<>();
          for (BigInteger b : points(column, BigInteger.valueOf(seconds(min)), BigInteger.valueOf(seconds(max)), mappers,
              splitLimit, splitLimit, "seconds")) {
            long v = b.longValue();
            bounds.add(String.format("'%02d:%02d:%02d'", v / 3600, (v / 60) % 60, v % 60));
          }
          return ranges(column, bounds, boundaryQuery, dialect.stringLiteral(min), dialect.stringLiteral(max));
        }
        case BOOLEAN: {
          if (boundaryQuery == null) {
            return List.of(column + " = FALSE OR " + column + " IS NULL", column + " <> FALSE");
          }
          boolean min = rs.getBoolean(1);
          boolean minNull = rs.wasNull();
          boolean max = rs.getBoolean(2);
          if (minNull || rs.wasNull()) {
            return unbounded(boundaryQuery);
          }
          return within(List.of(column + " = FALSE", column + " <> FALSE"), column, min ? "TRUE" : "FALSE",
              max ? "TRUE" : "FALSE");
        }
        case TEXT:
        default: {
          String min = rs.getString(1);
          String max = rs.getString(2);
          rs.close();
          if (boundaryQuery != null && (min == null || max == null)) {
            return unbounded(boundaryQuery);
          }
          return ranges(column, textBounds(column, boundaryColumn, fromClause, mappers), boundaryQuery,
              min == null ? null : dialect.stringLiteral(min), max == null ? null : dialect.stringLiteral(max));
        }
      }
    } catch (SQLException e) {
      String hint = fromClause.contains(") AS t1") ? " (with --query, the --split-by column must be in the SELECT list)" : "";
      throw new IngestException("Cannot compute the split boundaries with [" + sql + "]: "
          + String.valueOf(e.getMessage()).replace('\n', ' ') + hint, e);
    }
  }

  private static long seconds(String time) {
    String[] parts = time.split("[:.]");
    long h = Long.parseLong(parts[0].replace("-", ""));
    long sign = time.startsWith("-") ? -1 : 1;
    return sign * (h * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]));
  }

  /** Inner boundaries (m - 1 of them at most) between min and max, as SQL literals. */
  static List<String> integerBounds(BigInteger min, BigInteger max, int mappers, Long splitLimit) {
    List<String> out = new ArrayList<>();
    for (BigInteger b : integerPoints(min, max, mappers, splitLimit)) {
      out.add(b.toString());
    }
    return out;
  }

  static List<BigInteger> integerPoints(BigInteger min, BigInteger max, int mappers, Long splitLimit) {
    return integerPoints(min, max, mappers, splitLimit, IngestKeys.DEFAULT_IMPORT_MAX_SPLITS);
  }

  /** The number of splits --split-limit asks for over [min, max], before any cap. */
  static BigInteger splitsNeeded(BigInteger min, BigInteger max, Long splitLimit) {
    BigInteger range = max.subtract(min);
    return range.add(BigInteger.valueOf(splitLimit)).divide(BigInteger.valueOf(splitLimit));
  }

  static List<BigInteger> integerPoints(BigInteger min, BigInteger max, int mappers, Long splitLimit, int maxSplits) {
    BigInteger range = max.subtract(min);
    long splits = mappers;
    if (splitLimit != null && splitLimit > 0) {
      BigInteger needed = splitsNeeded(min, max, splitLimit);
      splits = Math.max(splits, needed.min(BigInteger.valueOf(Math.max(mappers, maxSplits))).longValue());
    }
    if (range.add(BigInteger.ONE).compareTo(BigInteger.valueOf(splits)) < 0) {
      splits = range.add(BigInteger.ONE).longValue();
    }
    List<BigInteger> out = new ArrayList<>();
    BigInteger previous = null;
    for (long i = 1; i < splits; i++) {
      BigInteger b = min.add(range.add(BigInteger.ONE).multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(splits)));
      if (b.compareTo(min) > 0 && (previous == null || b.compareTo(previous) > 0)) {
        out.add(b);
        previous = b;
      }
    }
    return out;
  }

  static List<String> decimalBounds(BigDecimal min, BigDecimal max, int mappers) {
    List<String> out = new ArrayList<>();
    if (min.compareTo(max) >= 0) {
      return out;
    }
    BigDecimal range = max.subtract(min);
    BigDecimal previous = null;
    for (int i = 1; i < mappers; i++) {
      BigDecimal b = min.add(range.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(mappers),
          Math.max(10, min.scale() + 6), RoundingMode.HALF_UP)).stripTrailingZeros();
      if (b.compareTo(min) > 0 && (previous == null || b.compareTo(previous) > 0)) {
        out.add(b.toPlainString());
        previous = b;
      }
    }
    return out;
  }

  /** A --boundary-query that returned a NULL bound narrows nothing: every row, in one split, with a warning. */
  private List<String> unbounded(String boundaryQuery) {
    if (boundaryQuery != null) {
      warnings.add("--boundary-query [" + boundaryQuery + "] returned NULL as its minimum or maximum: importing every row "
          + "in one split; make it return two non-NULL values to narrow the import and split it");
    }
    return List.of(ALL);
  }

  /**
   * Without a boundary query, {@link #ranges(String, List)}; with one, the same ranges without the NULL keys, each
   * kept within {@code [min, max]}.
   */
  static List<String> ranges(String column, List<String> bounds, String boundaryQuery, String min, String max) {
    List<String> open = ranges(column, bounds);
    if (boundaryQuery == null) {
      return open;
    }
    List<String> withoutNulls = new ArrayList<>();
    String nulls = " OR " + column + " IS NULL";
    for (String condition : open) {
      withoutNulls.add(condition.endsWith(nulls) ? condition.substring(0, condition.length() - nulls.length()) : condition);
    }
    return within(withoutNulls, column, min, max);
  }

  /** Each condition ANDed with {@code column >= min AND column <= max}; ALL becomes that range alone. */
  static List<String> within(List<String> conditions, String column, String min, String max) {
    String range = column + " >= " + min + " AND " + column + " <= " + max;
    List<String> out = new ArrayList<>();
    for (String condition : conditions) {
      out.add(condition.equals(ALL) ? range : "(" + condition + ") AND " + range);
    }
    return out;
  }

  /** Conditions from ordered inner boundaries: (-inf, b1) + NULLs, [b1, b2), ..., [bk, +inf). */
  static List<String> ranges(String column, List<String> bounds) {
    List<String> out = new ArrayList<>();
    if (bounds.isEmpty()) {
      out.add(ALL);
      return out;
    }
    out.add(column + " < " + bounds.get(0) + " OR " + column + " IS NULL");
    for (int i = 1; i < bounds.size(); i++) {
      out.add(column + " >= " + bounds.get(i - 1) + " AND " + column + " < " + bounds.get(i));
    }
    out.add(column + " >= " + bounds.get(bounds.size() - 1));
    return out;
  }

  /** Inner boundaries of a text column: quantiles the database computes, so they follow its collation. */
  private List<String> textBounds(String column, String boundaryColumn, String fromClause, int mappers) throws SQLException {
    warnings.add("Splitting on text column " + column + ": ranges follow the database collation of that column, so "
        + "mappers may get uneven shares; an integer or date --split-by column is faster.");
    String inner = boundaryColumn.replaceAll(".*\\.", "");
    String count = "SELECT COUNT(*) FROM (SELECT " + boundaryColumn + " AS " + inner + " " + fromClause + ") AS hk_b WHERE "
        + inner + " IS NOT NULL";
    long rows;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(count)) {
      rs.next();
      rows = rs.getLong(1);
    }
    if (rows == 0) {
      return List.of();
    }
    List<String> bounds = new ArrayList<>();
    String previous = null;
    for (int i = 1; i < mappers; i++) {
      long offset = rows * i / mappers;
      String sql = "SELECT " + inner + " FROM (SELECT " + boundaryColumn + " AS " + inner + " " + fromClause
          + ") AS hk_b WHERE " + inner + " IS NOT NULL ORDER BY " + inner + " LIMIT 1 OFFSET " + offset;
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        if (rs.next()) {
          String value = rs.getString(1);
          if (value != null && !value.equals(previous)) {
            bounds.add(dialect.stringLiteral(value));
            previous = value;
          }
        }
      }
    }
    return bounds;
  }
}
