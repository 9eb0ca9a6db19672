package dev.hadoopkit.ingest.imports;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;

/** One mapper's share of an import: the SQL condition that replaces $CONDITIONS. */
final class ImportSplit extends InputSplit implements Writable {
  private int index;
  private String condition;

  public ImportSplit() {
  }

  public ImportSplit(int index, String condition) {
    this.index = index;
    this.condition = condition;
  }

  public int index() {
    return index;
  }

  public String condition() {
    return condition;
  }

  @Override
  public long getLength() {
    return 0;
  }

  @Override
  public String[] getLocations() {
    return new String[0];
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(index);
    Text.writeString(out, condition);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    index = in.readInt();
    condition = Text.readString(in);
  }

  @Override
  public String toString() {
    return "split " + index + " (" + condition + ")";
  }
}
