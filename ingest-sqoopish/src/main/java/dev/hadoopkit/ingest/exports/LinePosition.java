package dev.hadoopkit.ingest.exports;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparable;

/**
 * Where an export record came from: file and 1-based line number (text) or record number (Avro, Parquet, ORC), for
 * error messages. Reused by the reader.
 */
public final class LinePosition implements WritableComparable<LinePosition> {
  private String file = "";
  private long line;
  private boolean record;

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  /** True for a record number of a binary file, false for a text line. */
  boolean isRecord() {
    return record;
  }

  void set(String file, long line) {
    set(file, line, false);
  }

  void set(String file, long line, boolean record) {
    this.file = file;
    this.line = line;
    this.record = record;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Text.writeString(out, file);
    out.writeLong(line);
    out.writeBoolean(record);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    file = Text.readString(in);
    line = in.readLong();
    record = in.readBoolean();
  }

  @Override
  public int compareTo(LinePosition o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : Long.compare(line, o.line);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinePosition && compareTo((LinePosition) o) == 0;
  }

  @Override
  public int hashCode() {
    return file.hashCode() * 31 + Long.hashCode(line);
  }

  @Override
  public String toString() {
    return file + (record ? " record " : " line ") + line;
  }
}
