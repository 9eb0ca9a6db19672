package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.imports.ColumnInfo;
import java.util.List;
import org.apache.avro.Schema;

/**
 * What an import reads: the SELECT template (with $CONDITIONS), its result columns and the splits, one per mapper.
 *
 * @param template the SELECT each split runs, $CONDITIONS replaced by the split's condition
 * @param asString columns read as the driver's text (--map-column-java COL=String)
 * @param avroSchema the record schema of Avro/Parquet/ORC output, or null for text
 * @param splits the split conditions; one {@code 1 = 1} for a single mapper
 * @param nextLastValue the --last-value of the next incremental run, or null
 */
record ImportPlan(String template, List<ColumnInfo> columns, List<String> asString, Schema avroSchema,
    List<String> splits, String nextLastValue) {
}
