package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.IngestCounters;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.db.ConnectionSpec;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import dev.hadoopkit.ingest.text.RecordParser;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Parses export records from text files, or takes the records of Avro, Parquet and ORC files, (Sqoop's delimiters, enclosing and escaping, null markers) and feeds them to a
 * {@link RowSink}. A malformed record or a database error stops the task with a message naming the file and line;
 * committed rows are reported after every commit, so the client knows the exact count even after a failure.
 */
public final class ExportMapper extends Mapper<LinePosition, Object, NullWritable, NullWritable> {
  public static final String KEY_DELIMITERS = IngestKeys.EXPORT_DELIMITERS;
  public static final String KEY_NULL_STRING = IngestKeys.EXPORT_NULL_STRING;
  public static final String KEY_NULL_NON_STRING = IngestKeys.EXPORT_NULL_NON_STRING;
  private static final int MAX_RECORD_CHARS = 16 << 20;
  /** Set by the client when the server is MariaDB: insert batches use Connector/J's bulk protocol. */
  public static final String KEY_MARIADB_BULK = IngestKeys.EXPORT_MARIADB_BULK;
  /** Forces --direct to parse every record in Java even when the lines could pass through unchanged. */
  public static final String KEY_DIRECT_PARSE = IngestKeys.EXPORT_DIRECT_PARSE;

  @Override
  public void run(Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    String task = context.getTaskAttemptID().getTaskID().toString();
    ConnectionSpec spec = ConnectionSpec.load(conf);
    char[] password = ConnectionSpec.loadPassword(context.getCredentials());
    ExportTarget target = ExportTarget.load(conf);
    Delimiters delimiters = Delimiters.load(conf, KEY_DELIMITERS);
    RecordParser parser = new RecordParser(delimiters);
    String nullString = conf.get(KEY_NULL_STRING);
    String nullNonString = conf.get(KEY_NULL_NON_STRING);
    int width = target.columns().size();
    boolean[] stringColumn = new boolean[width];
    for (int i = 0; i < width; i++) {
      stringColumn[i] = ColumnInfo.isStringType(target.type(i));
    }
    Counter records = context.getCounter(IngestCounters.RECORDS_READ);
    Counter exported = context.getCounter(IngestCounters.ROWS_EXPORTED);
    long[] reported = {0};
    List<String> fields = new ArrayList<>(width + 1);
    Object[] values = new Object[width];
    boolean[] numberColumn = numberColumns(spec.dialect(), target, nullNonString);
    LinePosition where = null;
    RowSink sink = null;
    boolean bulkBatches = target.mode() == ExportTarget.Mode.INSERT && spec.dialect() == Dialect.MYSQL
        && conf.getBoolean(KEY_MARIADB_BULK, false);
    Map<String, String> extra = new java.util.HashMap<>(target.mode() == ExportTarget.Mode.DIRECT
        && spec.dialect() == Dialect.MYSQL ? Map.of("allowLocalInfile", "true")
        : spec.dialect() == Dialect.POSTGRESQL ? Map.of("stringtype", "unspecified")
        : bulkBatches ? BulkBatchSink.PARAMS : Map.of());
    if (conf.getBoolean(IngestKeys.UTC_SESSION, false)) {
      extra.putAll(dev.hadoopkit.ingest.db.MysqlSessionZone.UTC_SESSION);
    }
    // Closed after the sink (in finally, not as a try resource): on a failure the sink first lets a load in flight
    // finish on it, so the count of committed rows the error reports is exact.
    Connection connection = null;
    try {
      connection = spec.open(password, extra);
      java.util.function.LongConsumer onCommit = committed -> {
        exported.increment(committed - reported[0]);
        reported[0] = committed;
        TaskReports.writeCommitted(conf, task, committed);
      };
      int lanes = Math.max(1, conf.getInt(IngestKeys.EXPORT_CONNECTIONS_PER_TASK, IngestKeys.DEFAULT_EXPORT_CONNECTIONS_PER_TASK));
      PipelinedSink.ConnectionSource more = () -> spec.open(password, extra);
      boolean raw = RawLoadDataSink.applies(spec.dialect(), delimiters, target) && !conf.getBoolean(KEY_DIRECT_PARSE, false);
      if (raw) {
        RawLoadDataSink lines = new RawLoadDataSink(connection, more, lanes, spec.dialect(), target, delimiters, nullString,
            nullNonString, stringColumn, onCommit);
        sink = lines;
        byte separator = (byte) delimiters.fieldsTerminatedBy();
        long pendingRecords = 0;
        while (context.nextKeyValue()) {
          where = context.getCurrentKey();
          Text line = (Text) context.getCurrentValue();
          byte[] bytes = line.getBytes();
          int length = line.getLength();
          int found = 1;
          for (int i = 0; i < length; i++) {
            if (bytes[i] == separator) {
              found++;
            }
          }
          if (found != width) {
            throw fieldCount(where, found, delimiters, target);
          }
          lines.addLine(bytes, length, where);
          if (++pendingRecords == 4096) {
            records.increment(pendingRecords);
            pendingRecords = 0;
          }
        }
        records.increment(pendingRecords);
        sink.finish();
        sink.close();
        sink = null;
        return;
      }
      sink = bulkBatches ? new BulkBatchSink(connection, more, lanes, spec.dialect(), target, onCommit)
          : createSink(connection, spec.dialect(), target, onCommit);
      LinePosition start = new LinePosition();
      boolean plainLines = !delimiters.hasEnclosing() && !delimiters.hasEscaping() && delimiters.fieldsTerminatedBy() < 0x80;
      byte plainSeparator = (byte) delimiters.fieldsTerminatedBy();
      StringBuilder record = new StringBuilder(256);
      String incomplete = null;
      Object[] typed = new Object[width];
      RecordValues recordValues = null;
      while (context.nextKeyValue()) {
        where = context.getCurrentKey();
        if (incomplete != null && !where.file().equals(start.file())) {
          throw new MalformedRecord(start + ": " + incomplete + " and the file ends there");
        }
        Object current = context.getCurrentValue();
        if (current instanceof GenericRecord) {
          GenericRecord binary = (GenericRecord) current;
          if (recordValues == null || !recordValues.fits(binary.getSchema())) {
            recordValues = RecordValues.of(binary.getSchema(), target, where.file());
          }
          recordValues.fill(binary, typed);
          sink.add(typed, where);
          records.increment(1);
          continue;
        }
        if (plainLines && current instanceof Text) {
          // No enclosing or escaping: a line is a record, split on its (ASCII) separator byte, no StringBuilder.
          start.set(where.file(), where.line());
          int found = splitFields((Text) current, plainSeparator, numberColumn, stringColumn, nullString, nullNonString,
              values);
          if (found != width) {
            throw fieldCount(start, found, delimiters, target);
          }
          where = start;
          sink.add(values, start);
          records.increment(1);
          continue;
        } else {
          if (incomplete == null) {
            record.setLength(0);
            start.set(where.file(), where.line());
          } else {
            record.append(delimiters.linesTerminatedBy());
          }
          record.append(current instanceof Text ? utf8((Text) current) : current.toString());
          try {
            parser.parse(record, fields);
            incomplete = null;
          } catch (RecordParser.IncompleteRecordException e) {
            // An enclosed or escaped line terminator: the record goes on in the next line.
            incomplete = e.getMessage();
            if (record.length() > MAX_RECORD_CHARS) {
              throw new MalformedRecord(start + ": " + incomplete + " (no end within " + MAX_RECORD_CHARS + " characters)");
            }
            continue;
          } catch (RecordParser.ParseException e) {
            throw new MalformedRecord(start + ": " + e.getMessage());
          }
        }
        where = start;
        if (fields.size() != width) {
          throw fieldCount(where, fields.size(), delimiters, target);
        }
        for (int i = 0; i < width; i++) {
          String f = fields.get(i);
          values[i] = isNull(f, stringColumn[i], nullString, nullNonString) ? null : f;
        }
        sink.add(values, start);
        records.increment(1);
      }
      if (incomplete != null) {
        throw new MalformedRecord(start + ": " + incomplete + " and the file ends there");
      }
      sink.finish();
      sink.close();
      sink = null;
    } catch (MalformedRecord e) {
      fail(conf, task, "Malformed export record in " + e.getMessage() + rowsCommitted(sink), e);
    } catch (RowValueException e) {
      fail(conf, task, "Cannot write to table " + target.table() + ": " + ConnectionSpec.scrub(e.getMessage(), password)
          + ". Fix the value in the file or the column's type" + rowsCommitted(sink), e);
    } catch (SQLException e) {
      String range = sink == null ? String.valueOf(where) : sink.pendingRange();
      fail(conf, task, "Cannot write rows of " + range + " to table " + target.table() + ": "
          + ConnectionSpec.scrub(e.getMessage(), password) + rowsCommitted(sink), e);
    } catch (RuntimeException | IOException e) {
      fail(conf, task, "Export task failed" + (where == null ? "" : " at " + where) + ": "
          + ConnectionSpec.scrub(e.getMessage(), password) + rowsCommitted(sink), e);
    } finally {
      if (sink != null) {
        sink.close();
      }
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          // the task is over either way
        }
      }
    }
  }

  /**
   * Splits a plain line (no enclosing, no escaping, an ASCII separator) into {@code values} on the separator byte,
   * each field decoded as UTF-8 and {@link #isNull} applied, as RecordParser would split its text; except that a field of a
   * {@code numberColumn} that is a plain decimal ({@code -?[0-9]{1,18}}) becomes a {@code Long} without a String.
   * Returns the number of fields found; {@code values} is only complete when that is its length.
   */
  static int splitFields(Text line, byte separator, boolean[] numberColumn, boolean[] stringColumn, String nullString,
      String nullNonString, Object[] values) {
    byte[] bytes = line.getBytes();
    int length = line.getLength();
    int width = values.length;
    int field = 0;
    int start = 0;
    for (int i = 0; i <= length; i++) {
      if (i < length && bytes[i] != separator) {
        continue;
      }
      if (field < width) {
        long number = numberColumn[field] ? AbstractSink.plainLong(bytes, start, i) : AbstractSink.NOT_PLAIN;
        if (number != AbstractSink.NOT_PLAIN) {
          values[field] = number;
        } else {
          String f = new String(bytes, start, i - start, StandardCharsets.UTF_8);
          values[field] = isNull(f, stringColumn[field], nullString, nullNonString) ? null : f;
        }
      }
      field++;
      start = i + 1;
    }
    return field;
  }

  /** A record whose field count is not the number of columns. */
  private static MalformedRecord fieldCount(LinePosition where, int found, Delimiters delimiters, ExportTarget target) {
    return new MalformedRecord(where + ": expected " + target.columns().size() + " fields separated by '"
        + EscapeSyntax.describe(delimiters.fieldsTerminatedBy()) + "' (columns " + String.join(", ", target.columns())
        + ") but found " + found + "; check --input-fields-terminated-by and --columns");
  }

  /**
   * The columns whose plain decimal fields {@link #splitFields} parses into a {@code Long}: MySQL/MariaDB integer
   * columns, bound as numbers as {@code AbstractSink.bind} binds their text (no String per value); none when the
   * non-string NULL marker is itself such a number.
   */
  static boolean[] numberColumns(Dialect dialect, ExportTarget target, String nullNonString) {
    boolean[] number = new boolean[target.columns().size()];
    boolean markerIsNumber = AbstractSink.plainLong(nullNonString == null ? "null" : nullNonString) != AbstractSink.NOT_PLAIN;
    for (int i = 0; i < number.length; i++) {
      number[i] = dialect == Dialect.MYSQL && !markerIsNumber && AbstractSink.isInteger(target.type(i));
    }
    return number;
  }

  /** The line's text, decoded by the JDK's UTF-8 decoder (malformed bytes become U+FFFD, as with Text.toString). */
  private static String utf8(Text line) {
    return new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
  }

  private static String rowsCommitted(RowSink sink) {
    return sink == null ? "" : " (this task had committed " + sink.committed() + " rows)";
  }

  private static void fail(Configuration conf, String task, String message, Exception cause) throws IOException {
    TaskReports.writeError(conf, task, message);
    throw new IOException(message, cause);
  }

  /**
   * Sqoop's NULL rule for an export field: in a string column the --input-null-string text (default {@code null});
   * in any other column the --input-null-non-string text (default {@code null}) or the empty field, whatever
   * marker is given (as Sqoop 1.4.7's generated parsers do: an empty number or date cannot be a value).
   */
  static boolean isNull(String field, boolean stringColumn, String nullString, String nullNonString) {
    if (stringColumn) {
      return field.equals(nullString == null ? "null" : nullString);
    }
    return field.isEmpty() || field.equals(nullNonString == null ? "null" : nullNonString);
  }

  static RowSink createSink(Connection connection, Dialect dialect, ExportTarget target,
      java.util.function.LongConsumer onCommit) throws SQLException {
    switch (target.mode()) {
      case UPDATE_ONLY:
        return new UpdateSink(connection, dialect, target, onCommit);
      case UPSERT:
        return new InsertSink(connection, dialect, target, true, onCommit);
      case DIRECT:
        return new BulkSink(connection, dialect, target, onCommit);
      case INSERT:
      default:
        return new InsertSink(connection, dialect, target, false, onCommit);
    }
  }

  /** A record that does not fit the table: stops the task. */
  private static final class MalformedRecord extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRecord(String message) {
      super(message);
    }
  }
}
