package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.db.ConnectionSpec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Runs one split of the import query with a streaming result set and hands the result set to the output format,
 * which writes every row. The
 * password comes from the job credentials, never the configuration.
 */
public final class ImportMapper extends Mapper<NullWritable, NullWritable, ResultSet, NullWritable> {
  public static final String KEY_QUERY = IngestKeys.IMPORT_QUERY;

  /** MariaDB Connector/J prepares statements on the server, whose rows then come in the binary protocol. */
  private static final Map<String, String> BINARY_PROTOCOL = Map.of("useServerPrepStmts", "true");

  /** A server-side prepared statement that streams its rows in chunks of {@code fetchSize}. */
  private static PreparedStatement streamingPrepared(Connection connection, String sql, int fetchSize) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    statement.setFetchSize(fetchSize);
    return statement;
  }

  @Override
  public void run(Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    ImportSplit split = (ImportSplit) context.getInputSplit();
    ConnectionSpec spec = ConnectionSpec.load(conf);
    char[] password = ConnectionSpec.loadPassword(context.getCredentials());
    String sql = conf.get(KEY_QUERY).replace("$CONDITIONS", "(" + split.condition() + ")");
    boolean binaryProtocol = conf.getBoolean(IngestKeys.IMPORT_BINARY_PROTOCOL, false);
    Map<String, String> params = new java.util.HashMap<>();
    if (binaryProtocol) {
      params.putAll(BINARY_PROTOCOL);
    }
    if (conf.getBoolean(IngestKeys.UTC_SESSION, false)) {
      params.putAll(dev.hadoopkit.ingest.db.MysqlSessionZone.UTC_SESSION);
    }
    try (Connection connection = spec.open(password, params);
        Statement statement = binaryProtocol ? streamingPrepared(connection, sql, spec.fetchSize())
            : spec.dialect().streamingStatement(connection, spec.fetchSize());
        ResultSet rs = binaryProtocol ? ((PreparedStatement) statement).executeQuery() : statement.executeQuery(sql)) {
      org.apache.hadoop.mapreduce.Counter imported = context.getCounter(dev.hadoopkit.ingest.IngestCounters.ROWS_IMPORTED);
      long before = imported.getValue();
      context.write(rs, NullWritable.get());
      // As in Sqoop, every row is a map input and output record (Oozie's hadoop:counters(node)[RECORDS][MAP_IN]);
      // the framework counted the one write of the whole result set.
      long rows = imported.getValue() - before;
      context.getCounter(org.apache.hadoop.mapreduce.TaskCounter.MAP_INPUT_RECORDS).increment(rows);
      context.getCounter(org.apache.hadoop.mapreduce.TaskCounter.MAP_OUTPUT_RECORDS).increment(rows - 1);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException | RuntimeException | IOException e) {
      String message = "Import of " + split + " failed: " + ConnectionSpec.scrub(e.getMessage(), password)
          + (binaryProtocol && e instanceof SQLException ? " (read over the binary protocol; -D "
              + IngestKeys.IMPORT_BINARY_PROTOCOL + "=false reads over the text protocol)" : "");
      TaskReports.writeError(conf, context.getTaskAttemptID().getTaskID().toString(), message);
      throw new IOException(message, e);
    }
  }
}
