package dev.hadoopkit.ingest.merge;

import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import dev.hadoopkit.ingest.text.RecordParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the merge key out of one text record of an import: the record is split as the import wrote it, must have
 * one field per column, and its key may not be NULL (Sqoop refuses to merge on a NULL key too). No Hadoop types.
 */
final class MergeKeyReader {
  private final RecordParser parser;
  private final Delimiters delimiters;
  private final List<String> columns;
  private final int keyIndex;
  private final String nullString;
  private final String nullNonString;
  private final List<String> fields = new ArrayList<>();

  public MergeKeyReader(Delimiters delimiters, List<String> columns, int keyIndex, String nullString, String nullNonString) {
    if (keyIndex < 0 || keyIndex >= columns.size()) {
      throw new IllegalArgumentException("Invalid key index " + keyIndex + " for columns " + columns);
    }
    this.parser = new RecordParser(delimiters);
    this.delimiters = delimiters;
    this.columns = List.copyOf(columns);
    this.keyIndex = keyIndex;
    this.nullString = nullString;
    this.nullNonString = nullNonString;
  }

  /**
   * The key of {@code record} (without its line terminator), as text after unescaping.
   *
   * @throws RecordParser.IncompleteRecordException when the record goes on in the next line
   * @throws RecordParser.ParseException for a record that does not fit the columns or has a NULL key
   */
  public String key(CharSequence record) throws RecordParser.ParseException {
    parser.parse(record, fields);
    if (fields.size() != columns.size()) {
      throw new RecordParser.ParseException("expected " + columns.size() + " fields separated by '"
          + EscapeSyntax.describe(delimiters.fieldsTerminatedBy()) + "' (columns " + String.join(", ", columns)
          + ") but found " + fields.size());
    }
    String key = fields.get(keyIndex);
    if (key.equals(nullString) || key.equals(nullNonString)) {
      throw new RecordParser.ParseException("the merge key " + columns.get(keyIndex) + " is NULL ('" + key
          + "'): rows cannot be merged on a NULL key; choose a --merge-key column that is never NULL");
    }
    return key;
  }
}
