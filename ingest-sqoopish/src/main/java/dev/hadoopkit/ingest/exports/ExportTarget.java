package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.IngestKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** What an export task writes: table, columns with JDBC types, mode, keys and batch sizes. Immutable. */
public final class ExportTarget {
  /** How rows reach the table. */
  public enum Mode { INSERT, UPDATE_ONLY, UPSERT, DIRECT }

  private final String table;
  private final List<String> columns;
  private final int[] types;
  private final Mode mode;
  private final List<String> updateKeys;
  private final int recordsPerStatement;
  private final int statementsPerTransaction;
  private final int directChunkBytes;

  public ExportTarget(String table, List<String> columns, int[] types, Mode mode, List<String> updateKeys,
      int recordsPerStatement, int statementsPerTransaction, int directChunkBytes) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.types = types.clone();
    this.mode = mode;
    this.updateKeys = List.copyOf(updateKeys);
    this.recordsPerStatement = recordsPerStatement;
    this.statementsPerTransaction = statementsPerTransaction;
    this.directChunkBytes = directChunkBytes;
  }

  public String table() {
    return table;
  }

  public List<String> columns() {
    return columns;
  }

  public int type(int index) {
    return types[index];
  }

  public Mode mode() {
    return mode;
  }

  public List<String> updateKeys() {
    return updateKeys;
  }

  public int recordsPerStatement() {
    return recordsPerStatement;
  }

  public int statementsPerTransaction() {
    return statementsPerTransaction;
  }

  public int directChunkBytes() {
    return directChunkBytes;
  }

  public ExportTarget withTable(String otherTable) {
    return new ExportTarget(otherTable, columns, types, mode, updateKeys, recordsPerStatement, statementsPerTransaction,
        directChunkBytes);
  }

  public void store(Configuration conf) {
    conf.set(IngestKeys.EXPORT_TABLE, table);
    conf.setStrings(IngestKeys.EXPORT_COLUMNS, columns.toArray(new String[0]));
    StringBuilder t = new StringBuilder();
    for (int type : types) {
      t.append(t.length() == 0 ? "" : ",").append(type);
    }
    conf.set(IngestKeys.EXPORT_COLUMN_TYPES, t.toString());
    conf.set(IngestKeys.EXPORT_MODE, mode.name());
    conf.setStrings(IngestKeys.EXPORT_UPDATE_KEYS, updateKeys.toArray(new String[0]));
    if (conf.get(IngestKeys.EXPORT_RECORDS_PER_STATEMENT) == null) {
      conf.setInt(IngestKeys.EXPORT_RECORDS_PER_STATEMENT, recordsPerStatement);
    }
    if (conf.get(IngestKeys.EXPORT_STATEMENTS_PER_TRANSACTION) == null) {
      conf.setInt(IngestKeys.EXPORT_STATEMENTS_PER_TRANSACTION, statementsPerTransaction);
    }
    if (conf.get(IngestKeys.EXPORT_DIRECT_CHUNK_BYTES) == null) {
      conf.setInt(IngestKeys.EXPORT_DIRECT_CHUNK_BYTES, directChunkBytes);
    }
  }

  public static ExportTarget load(Configuration conf) {
    String[] keys = conf.getTrimmedStrings(IngestKeys.EXPORT_UPDATE_KEYS);
    return new ExportTarget(conf.get(IngestKeys.EXPORT_TABLE), Arrays.asList(conf.getTrimmedStrings(IngestKeys.EXPORT_COLUMNS)), conf.getInts(IngestKeys.EXPORT_COLUMN_TYPES),
        Mode.valueOf(conf.get(IngestKeys.EXPORT_MODE)), new ArrayList<>(Arrays.asList(keys)), conf.getInt(IngestKeys.EXPORT_RECORDS_PER_STATEMENT,
        IngestKeys.DEFAULT_EXPORT_RECORDS_PER_STATEMENT),
        conf.getInt(IngestKeys.EXPORT_STATEMENTS_PER_TRANSACTION,
        IngestKeys.DEFAULT_EXPORT_STATEMENTS_PER_TRANSACTION), conf.getInt(IngestKeys.EXPORT_DIRECT_CHUNK_BYTES,
        IngestKeys.DEFAULT_EXPORT_DIRECT_CHUNK_BYTES));
  }
}
