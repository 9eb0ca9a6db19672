package dev.hadoopkit.ingest.merge;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.IngestCounters;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.exports.LinePosition;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.RecordParser;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Keys every record of --new-data and --onto by its merge-key field; the record's text goes on unchanged, tagged
 * with where it came from. Records whose enclosed or escaped line terminator cut them over several lines are joined
 * back first.
 */
final class MergeMapper extends Mapper<LinePosition, Text, Text, MergeRecord> {
  private static final int MAX_RECORD_CHARS = 64 << 20;

  private MergeKeyReader reader;
  private char linesTerminatedBy;
  private String newDataPrefix;
  private final StringBuilder record = new StringBuilder(256);
  private String startFile;
  private long startLine;
  private String incomplete;
  private final Text outKey = new Text();
  private final MergeRecord outValue = new MergeRecord();

  @Override
  protected void setup(Context context) {
    Configuration conf = context.getConfiguration();
    Delimiters delimiters = Delimiters.load(conf, IngestKeys.MERGE_DELIMITERS);
    linesTerminatedBy = delimiters.linesTerminatedBy();
    reader = new MergeKeyReader(delimiters, List.of(conf.getStrings(IngestKeys.MERGE_COLUMNS)), conf.getInt(IngestKeys.MERGE_KEY_INDEX, 0),
        conf.get(IngestKeys.MERGE_NULL_STRING, "null"), conf.get(IngestKeys.MERGE_NULL_NON_STRING, "null"));
    newDataPrefix = conf.get(IngestKeys.MERGE_NEW_DATA) + "/";
  }

  @Override
  protected void map(LinePosition where, Text line, Context context) throws IOException, InterruptedException {
    if (incomplete != null && !where.file().equals(startFile)) {
      fail(context, startFile + " line " + startLine + ": " + incomplete + " and the file ends there");
    }
    if (incomplete == null) {
      record.setLength(0);
      startFile = where.file();
      startLine = where.line();
    } else {
      record.append(linesTerminatedBy);
    }
    record.append(line.toString());
    String key;
    try {
      key = reader.key(record);
      incomplete = null;
    } catch (RecordParser.IncompleteRecordException e) {
      incomplete = e.getMessage();
      if (record.length() > MAX_RECORD_CHARS) {
        fail(context, startFile + " line " + startLine + ": " + incomplete + " (no end within " + MAX_RECORD_CHARS
            + " characters)");
      }
      return;
    } catch (RecordParser.ParseException e) {
      fail(context, startFile + " line " + startLine + ": " + e.getMessage()
          + " (the delimiters and columns come from " + "_hk_schema.properties or --columns and --fields-terminated-by)");
      return;
    }
    boolean fromNewData = startFile.startsWith(newDataPrefix);
    outKey.set(key);
    outValue.set(fromNewData, record.toString());
    context.write(outKey, outValue);
    context.getCounter(fromNewData ? MergeCounters.NEW_RECORDS : MergeCounters.OLD_RECORDS).increment(1);
    context.getCounter(IngestCounters.RECORDS_READ).increment(1);
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    if (incomplete != null) {
      fail(context, startFile + " line " + startLine + ": " + incomplete + " and the input ends there");
    }
  }

  private static void fail(Context context, String message) throws IOException {
    TaskReports.writeError(context.getConfiguration(), context.getTaskAttemptID().getTaskID().toString(), message);
    throw new IOException(message);
  }
}
