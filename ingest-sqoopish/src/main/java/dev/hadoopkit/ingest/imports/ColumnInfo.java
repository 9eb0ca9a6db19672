package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestKeys;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/** One column of an import's result: its label, JDBC type, database type name, precision and scale. Immutable. */
public record ColumnInfo(String name, int jdbcType, String typeName, int precision, int scale) {
  /** A missing type name is "". */
  public ColumnInfo {
    typeName = typeName == null ? "" : typeName;
  }

  public boolean isUnsigned() {
    return typeName.toUpperCase(Locale.ROOT).contains("UNSIGNED");
  }

  /** True for columns Sqoop formats as strings (and so uses --null-string for). */
  public boolean isString() {
    return isStringType(jdbcType);
  }

  /** True for the character JDBC types (CHAR, VARCHAR, CLOB and their N- and LONG- forms): the one list of them. */
  public static boolean isStringType(int jdbcType) {
    switch (jdbcType) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
        return true;
      default:
        return false;
    }
  }

  public static List<ColumnInfo> of(ResultSetMetaData md) throws SQLException {
    List<ColumnInfo> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(new ColumnInfo(md.getColumnLabel(i), jdbcType(md, i), md.getColumnTypeName(i), md.getPrecision(i),
          md.getScale(i)));
    }
    return out;
  }

  /**
   * The column's JDBC type, with the zone-aware types the drivers report as plain ones corrected: pgjdbc reports
   * {@code timestamptz} as TIMESTAMP and {@code timetz} as TIME, yet refuses to read them as wall clocks. Every
   * import and export reads column types through here, so an instant is an instant everywhere.
   */
  public static int jdbcType(ResultSetMetaData md, int column) throws SQLException {
    int type = md.getColumnType(column);
    String name = md.getColumnTypeName(column);
    if (name == null) {
      return type;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (type == Types.TIMESTAMP && (lower.equals("timestamptz") || lower.equals("timestamp with time zone"))) {
      return Types.TIMESTAMP_WITH_TIMEZONE;
    }
    if (type == Types.TIME && (lower.equals("timetz") || lower.equals("time with time zone"))) {
      return Types.TIME_WITH_TIMEZONE;
    }
    return type;
  }

  public static void store(Configuration conf, List<ColumnInfo> columns) {
    conf.setStrings(IngestKeys.IMPORT_COLUMN_NAMES, columns.stream().map(ColumnInfo::name).toArray(String[]::new));
    conf.set(IngestKeys.IMPORT_COLUMN_TYPES, join(columns.stream().mapToInt(ColumnInfo::jdbcType).toArray()));
    conf.setStrings(IngestKeys.IMPORT_COLUMN_TYPE_NAMES, columns.stream().map(ColumnInfo::typeName).toArray(String[]::new));
    conf.set(IngestKeys.IMPORT_COLUMN_PRECISION, join(columns.stream().mapToInt(ColumnInfo::precision).toArray()));
    conf.set(IngestKeys.IMPORT_COLUMN_SCALE, join(columns.stream().mapToInt(ColumnInfo::scale).toArray()));
  }

  public static List<ColumnInfo> load(Configuration conf) {
    String[] names = conf.getTrimmedStrings(IngestKeys.IMPORT_COLUMN_NAMES);
    int[] types = conf.getInts(IngestKeys.IMPORT_COLUMN_TYPES);
    String[] typeNames = conf.getTrimmedStrings(IngestKeys.IMPORT_COLUMN_TYPE_NAMES);
    int[] precision = conf.getInts(IngestKeys.IMPORT_COLUMN_PRECISION);
    int[] scale = conf.getInts(IngestKeys.IMPORT_COLUMN_SCALE);
    List<ColumnInfo> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      out.add(new ColumnInfo(names[i], types[i], i < typeNames.length ? typeNames[i] : "", precision[i], scale[i]));
    }
    return out;
  }

  private static String join(int[] values) {
    StringBuilder b = new StringBuilder();
    for (int v : values) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(v);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return name + " " + typeName;
  }
}
