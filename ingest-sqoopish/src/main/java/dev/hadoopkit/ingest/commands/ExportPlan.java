package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.exports.ExportTarget;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What an export writes, read from the database before the job: the columns with their JDBC types, the keys, the
 * server, and the binary files checked against the columns; the staging table is prepared.
 *
 * @param binaryFiles the Avro/Parquet/ORC files of the export directory (empty for text)
 * @param mariaDbServer true when the server is MariaDB (its bulk protocol is used for inserts)
 */
record ExportPlan(ExportTarget target, List<Path> binaryFiles, boolean mariaDbServer) {
  static ExportPlan read(Connection connection, Session session, ExportOptions options, Configuration conf,
      List<Path> binaryFiles) throws SQLException, IOException {
    Dialect dialect = session.spec().dialect();
    String table = options.table();
    List<String> all = TableMetadata.tableColumns(connection, dialect, table, session);
    List<String> columns = options.columns().isEmpty() ? all : TableMetadata.resolveColumns(options.columns(), all, table);
    List<String> keys = TableMetadata.resolveColumns(options.updateKeys(), all, table);
    for (String k : keys) {
      if (!columns.contains(k)) {
        throw new UsageException("Update key " + k + " must be one of the exported --columns: " + String.join(", ", columns));
      }
    }
    if (options.mode() == ExportTarget.Mode.UPDATE_ONLY && keys.size() == columns.size()) {
      throw new UsageException("Nothing to update: every exported column is an --update-key");
    }
    int[] types = columnTypes(connection, dialect, table, columns);
    String product = connection.getMetaData().getDatabaseProductVersion();
    boolean mariaDbServer = dialect == Dialect.MYSQL && product != null && product.toLowerCase(Locale.ROOT).contains("mariadb");
    ExportTarget target = new ExportTarget(table, columns, types, options.mode(), keys, IngestKeys.DEFAULT_EXPORT_RECORDS_PER_STATEMENT,
        IngestKeys.DEFAULT_EXPORT_STATEMENTS_PER_TRANSACTION, IngestKeys.DEFAULT_EXPORT_DIRECT_CHUNK_BYTES);
    ExportFiles.checkBinaryFiles(conf, binaryFiles, target);
    if (options.staging() != null) {
      TableMetadata.tableColumns(connection, dialect, options.staging(), session);
      ExportStaging.prepare(connection, dialect, options.staging(), options.clearStaging(), session);
    }
    return new ExportPlan(target, binaryFiles, mariaDbServer);
  }

  private static int[] columnTypes(Connection connection, Dialect dialect, String table, List<String> columns) throws SQLException {
    String sql = "SELECT " + columns.stream().map(dialect::quote).collect(Collectors.joining(", ")) + " FROM "
        + dialect.quoteTable(table) + " WHERE 1 = 0";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int[] types = new int[columns.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = ColumnInfo.jdbcType(rs.getMetaData(), i + 1);
      }
      return types;
    }
  }
}
