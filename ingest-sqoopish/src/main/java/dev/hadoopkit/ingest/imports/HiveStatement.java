package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/** The Hive DDL that reads a text import in place (what --hive-import users run instead). */
public final class HiveStatement {
  private HiveStatement() {
  }

  public static String createExternalTable(String table, List<ColumnInfo> columns, Delimiters delimiters, String location,
      String nullString) {
    StringBuilder b = new StringBuilder();
    b.append("CREATE EXTERNAL TABLE `").append(table.replace(".", "_").toLowerCase(Locale.ROOT)).append("` (\n");
    for (int i = 0; i < columns.size(); i++) {
      ColumnInfo c = columns.get(i);
      b.append("  `").append(c.name()).append("` ").append(hiveType(c)).append(i + 1 < columns.size() ? ",\n" : "\n");
    }
    b.append(")\nROW FORMAT DELIMITED FIELDS TERMINATED BY '").append(hiveChar(delimiters.fieldsTerminatedBy()))
        .append("' LINES TERMINATED BY '").append(hiveChar(delimiters.linesTerminatedBy())).append("'");
    if (delimiters.hasEscaping()) {
      b.append(" ESCAPED BY '").append(hiveChar(delimiters.escapedBy())).append("'");
    }
    b.append("\nSTORED AS TEXTFILE\nLOCATION '").append(location).append("'\n");
    b.append("TBLPROPERTIES ('serialization.null.format'='").append(nullString.replace("\\", "\\\\")).append("');");
    return b.toString();
  }

  static String hiveType(ColumnInfo c) {
    switch (c.jdbcType()) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
        return c.isUnsigned() && c.jdbcType() == Types.INTEGER ? "BIGINT" : "INT";
      case Types.BIGINT:
        return c.isUnsigned() ? "DECIMAL(20,0)" : "BIGINT";
      case Types.DECIMAL:
      case Types.NUMERIC:
        return c.precision() > 0 && c.precision() <= 38 ? "DECIMAL(" + c.precision() + "," + Math.max(0, c.scale()) + ")" : "STRING";
      case Types.REAL:
        return "FLOAT";
      case Types.FLOAT:
      case Types.DOUBLE:
        return "DOUBLE";
      case Types.BIT:
      case Types.BOOLEAN:
        return "BOOLEAN";
      case Types.DATE:
        return "DATE";
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return "TIMESTAMP";
      default:
        return "STRING";
    }
  }

  private static String hiveChar(char c) {
    if (c == '\t') {
      return "\\t";
    }
    if (c == '\n') {
      return "\\n";
    }
    if (c == '\'' || c == '\\') {
      return "\\" + c;
    }
    if (c < 0x20 || c == EscapeSyntax.NONE) {
      return String.format("\\%03o", (int) c);
    }
    return String.valueOf(c);
  }
}
