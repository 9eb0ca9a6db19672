package dev.hadoopkit.ingest.exports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** What an export task writes: table, columns with JDBC types, mode, keys and batch sizes. Immutable. */
public final class ExportTarget {
  public static final String KEY_TABLE = "hadoopkit.ingest.export.table";
  public static final String KEY_COLUMNS = "hadoopkit.ingest.export.columns";
  public static final String KEY_TYPES = "hadoopkit.ingest.export.column.types";
  public static final String KEY_MODE = "hadoopkit.ingest.export.mode";
  public static final String KEY_UPDATE_KEYS = "hadoopkit.ingest.export.update.keys";
  /** Sqoop's own keys, so existing -D settings keep working. */
  public static final String KEY_RECORDS_PER_STATEMENT = "sqoop.export.records.per.statement";
  public static final String KEY_STATEMENTS_PER_TRANSACTION = "sqoop.export.statements.per.transaction";
  public static final String KEY_DIRECT_CHUNK_BYTES = "hadoopkit.ingest.export.direct.chunk.bytes";

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
    conf.set(KEY_TABLE, table);
    conf.setStrings(KEY_COLUMNS, columns.toArray(new String[0]));
    StringBuilder t = new StringBuilder();
    for (int type : types) {
      t.append(t.length() == 0 ? "" : ",").append(type);
    }
    conf.set(KEY_TYPES, t.toString());
    conf.set(KEY_MODE, mode.name());
    conf.setStrings(KEY_UPDATE_KEYS, updateKeys.toArray(new String[0]));
    if (conf.get(KEY_RECORDS_PER_STATEMENT) == null) {
      conf.setInt(KEY_RECORDS_PER_STATEMENT, recordsPerStatement);
    }
    if (conf.get(KEY_STATEMENTS_PER_TRANSACTION) == null) {
      conf.setInt(KEY_STATEMENTS_PER_TRANSACTION, statementsPerTransaction);
    }
    if (conf.get(KEY_DIRECT_CHUNK_BYTES) == null) {
      conf.setInt(KEY_DIRECT_CHUNK_BYTES, directChunkBytes);
    }
  }

  public static ExportTarget load(Configuration conf) {
    String[] keys = conf.getTrimmedStrings(KEY_UPDATE_KEYS);
    return new ExportTarget(conf.get(KEY_TABLE), Arrays.asList(conf.getTrimmedStrings(KEY_COLUMNS)), conf.getInts(KEY_TYPES),
        Mode.valueOf(conf.get(KEY_MODE)), new ArrayList<>(Arrays.asList(keys)), conf.getInt(KEY_RECORDS_PER_STATEMENT, 100),
        conf.getInt(KEY_STATEMENTS_PER_TRANSACTION, 100), conf.getInt(KEY_DIRECT_CHUNK_BYTES, 8 << 20));
  }
}
