package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import dev.hadoopkit.ingest.imports.ImportSchema;
import dev.hadoopkit.ingest.imports.OutputKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * --map-column-java, column to Java type name. Text output honours only {@code String} (read the column as the
 * driver's text); binary output also takes Integer, Long, Float, Double and Boolean, which set the field's Avro type.
 */
final class ColumnJavaTypes {
  private ColumnJavaTypes() {
  }

  /**
   * @param mappings the --map-column-java entries, {@code column=Type} each
   */
  static Map<String, String> of(List<String> mappings, List<ColumnInfo> columns, OutputKind kind) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String mapping : mappings) {
      int eq = mapping.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("Invalid --map-column-java entry '" + mapping + "': write column=Type, e.g. price=String");
      }
      String column = mapping.substring(0, eq).trim();
      String type = mapping.substring(eq + 1).trim();
      if (type.startsWith("java.lang.")) {
        type = type.substring("java.lang.".length());
      }
      if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(column))) {
        throw new IngestException("Column " + column + " (from --map-column-java) is not imported; the columns are: "
            + columns.stream().map(ColumnInfo::name).collect(Collectors.joining(", ")));
      }
      if (kind.isBinary() && !ImportSchema.JAVA_TYPES_NAMES.contains(type)) {
        throw new UsageException("--map-column-java " + mapping + " is not supported for " + kind.displayName() + " output: use "
            + String.join(", ", ImportSchema.JAVA_TYPES_NAMES));
      }
      if (!kind.isBinary() && !type.equals("String")) {
        throw new UsageException("--map-column-java " + mapping + " is not yet supported for text output: only =String is; "
            + "text output already writes each type the way Sqoop does");
      }
      out.put(column, type);
    }
    return out;
  }
}
