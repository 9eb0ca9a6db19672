package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.text.Delimiters;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The {@code CREATE TABLE} statement of {@code sqoop create-hive-table}, in the form Sqoop 1.4.7's TableDefWriter
 * prints: text tables take Sqoop's JDBC-to-Hive mapping (HiveTypes: DECIMAL, DATE and TIMESTAMP become DOUBLE and
 * STRING, each with Sqoop's "less precise type" warning; {@code --map-column-hive} overrides); Avro, Parquet and ORC
 * tables take the types the files really hold (their Avro schema: decimal(p,s) is DECIMAL(p,s), date DATE,
 * timestamp-millis TIMESTAMP), since Hive must declare what the file says or it cannot read the column.
 */
public final class HiveTableDdl {
  private final List<String> warnings = new ArrayList<>();
  private final String statement;

  private HiveTableDdl(String statement, List<String> warnings) {
    this.statement = statement;
    this.warnings.addAll(warnings);
  }

  public String statement() {
    return statement;
  }

  /** Sqoop's warnings about columns read with a less precise Hive type. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** What to write; all fields but {@code columns}, {@code table} and {@code kind} may be null. */
  public record Request(String database, String table, List<ColumnInfo> columns, OutputKind kind, Schema avroSchema,
      Delimiters delimiters, Map<String, String> hiveTypes, String partitionKey, String location, boolean failIfExists,
      String nullString) {
  }

  /** Parses --map-column-hive ({@code col=TYPE,...}; a DECIMAL(p,s) keeps its comma). */
  public static Map<String, String> parseMapColumnHive(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    // DECIMAL(12,3) holds a comma: split only on commas followed by "name=".
    for (String part : value.split(",(?=\\s*[^,()=]+=)")) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw new UsageException("Invalid --map-column-hive entry '" + part + "': write column=TYPE, e.g. price=DECIMAL(12,3)");
      }
      out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim().replace("%2C", ","));
    }
    return out;
  }

  public static HiveTableDdl of(Request r) {
    List<String> warnings = new ArrayList<>();
    Map<String, String> userTypes = new LinkedHashMap<>(r.hiveTypes() == null ? Map.of() : r.hiveTypes());
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Schema.Field> fields = r.kind().isBinary() ? r.avroSchema().getFields() : List.of();
    for (int i = 0; i < r.columns().size(); i++) {
      ColumnInfo c = r.columns().get(i);
      String name = r.kind().isBinary() ? fields.get(i).name() : c.name();
      if (name.equals(r.partitionKey())) {
        throw new UsageException("Partition key " + name + " cannot be a column to import: choose another --hive-partition-key");
      }
      String user = userTypes.remove(c.name());
      String type;
      if (user != null) {
        type = user;
      } else if (r.kind().isBinary()) {
        type = binaryType(fields.get(i).schema(), name);
      } else {
        type = textType(c.jdbcType());
        if (type == null) {
          throw new IngestException("Hive does not support the SQL type for column " + c.name() + " (" + c.typeName()
              + "): map it with --map-column-hive " + c.name() + "=STRING (or BINARY)");
        }
        if (improvised(c.jdbcType())) {
          warnings.add("Column " + c.name() + " had to be cast to a less precise type in Hive" + exactHint(c));
        }
      }
      names.add(name);
      types.add(type);
    }
    if (!userTypes.isEmpty()) {
      throw new UsageException("No column by the name " + String.join(", ", userTypes.keySet())
          + " (from --map-column-hive) is imported; the columns are: " + String.join(", ", names));
    }
    StringBuilder b = new StringBuilder();
    b.append("CREATE ").append(r.location() != null ? "EXTERNAL " : "").append("TABLE ")
        .append(r.failIfExists() ? "" : "IF NOT EXISTS ").append('`');
    if (r.database() != null) {
      b.append(r.database()).append("`.`");
    }
    b.append(r.table()).append("` ( ");
    for (int i = 0; i < names.size(); i++) {
      b.append(i == 0 ? "" : ", ").append('`').append(names.get(i)).append("` ").append(types.get(i));
    }
    b.append(") ");
    if (r.partitionKey() != null) {
      b.append("PARTITIONED BY (").append(r.partitionKey()).append(" STRING) ");
    }
    if (r.kind().isBinary()) {
      b.append("STORED AS ").append(r.kind().format().name()); // Hive's keywords: AVRO, PARQUET, ORC
    } else {
      b.append("ROW FORMAT DELIMITED FIELDS TERMINATED BY '").append(octal(r.delimiters().fieldsTerminatedBy()))
          .append("' LINES TERMINATED BY '").append(octal(r.delimiters().linesTerminatedBy()))
          .append("' STORED AS TEXTFILE");
    }
    if (r.location() != null) {
      b.append(" LOCATION '").append(r.location().replace("'", "\\'")).append("'");
    }
    if (!r.kind().isBinary() && r.nullString() != null && !r.nullString().equals("\\N")) {
      // Sqoop leaves this out, and Hive then reads its default NULL marker text "null" as the string "null".
      b.append(" TBLPROPERTIES ('serialization.null.format'='").append(r.nullString().replace("\\", "\\\\")
          .replace("'", "\\'")).append("')");
    }
    return new HiveTableDdl(b.toString(), warnings);
  }

  private static String exactHint(ColumnInfo c) {
    if ((c.jdbcType() == Types.DECIMAL || c.jdbcType() == Types.NUMERIC) && c.precision() > 0 && c.precision() <= 38) {
      return " (--map-column-hive '" + c.name() + "=DECIMAL(" + c.precision() + "," + Math.max(0, c.scale())
          + ")' keeps it exact)";
    }
    if (c.jdbcType() == Types.DATE || c.jdbcType() == Types.TIMESTAMP) {
      return " (--map-column-hive " + c.name() + "=" + (c.jdbcType() == Types.DATE ? "DATE" : "TIMESTAMP")
          + " reads it as a " + (c.jdbcType() == Types.DATE ? "date" : "timestamp") + ")";
    }
    return "";
  }

  /** Sqoop 1.4.7's HiveTypes.toHiveType(int): null where Sqoop has no mapping. */
  static String textType(int sqlType) {
    switch (sqlType) {
      case Types.INTEGER:
      case Types.SMALLINT:
        return "INT";
      case Types.VARCHAR:
      case Types.CHAR:
      case Types.LONGVARCHAR:
      case Types.NVARCHAR:
      case Types.NCHAR:
      case Types.LONGNVARCHAR:
      case Types.DATE:
      case Types.TIME:
      case Types.TIMESTAMP:
      case Types.CLOB:
        return "STRING";
      case Types.NUMERIC:
      case Types.DECIMAL:
      case Types.FLOAT:
      case Types.DOUBLE:
      case Types.REAL:
        return "DOUBLE";
      case Types.BIT:
      case Types.BOOLEAN:
        return "BOOLEAN";
      case Types.TINYINT:
        return "TINYINT";
      case Types.BIGINT:
        return "BIGINT";
      default:
        return null;
    }
  }

  /** Sqoop 1.4.7's HiveTypes.isHiveTypeImprovised. */
  static boolean improvised(int sqlType) {
    return sqlType == Types.DATE || sqlType == Types.TIME || sqlType == Types.TIMESTAMP || sqlType == Types.DECIMAL
        || sqlType == Types.NUMERIC;
  }

  /** The Hive type that reads a field of the files' Avro schema. */
  static String binaryType(Schema schema, String field) {
    Schema s = schema;
    if (s.getType() == Schema.Type.UNION) {
      s = s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(s);
    }
    LogicalType logical = s.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal d) {
      return "DECIMAL(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    if (logical instanceof LogicalTypes.Date) {
      return "DATE";
    }
    if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros
        || logical instanceof LogicalTypes.LocalTimestampMillis || logical instanceof LogicalTypes.LocalTimestampMicros) {
      return "TIMESTAMP";
    }
    switch (s.getType()) {
      case BOOLEAN:
        return "BOOLEAN";
      case INT:
        return "INT";
      case LONG:
        return "BIGINT";
      case FLOAT:
        return "FLOAT";
      case DOUBLE:
        return "DOUBLE";
      case BYTES:
      case FIXED:
        return "BINARY";
      case STRING:
      case ENUM:
        return "STRING";
      default:
        throw new IngestException("There is no Hive type for field " + field + " (" + s + ")");
    }
  }

  /** Sqoop's getHiveOctalCharCode: a delimiter as a three-digit octal escape. */
  static String octal(char c) {
    if (c > 0177) {
      throw new UsageException("Character " + (int) c + " is an out-of-range delimiter for Hive (use an ASCII delimiter)");
    }
    return String.format("\\%03o", (int) c);
  }
}
