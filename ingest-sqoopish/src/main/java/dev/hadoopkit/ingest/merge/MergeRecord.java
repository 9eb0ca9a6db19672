package dev.hadoopkit.ingest.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;

/** One record on its way to the reducer: its text as written by the import, and whether it is new data. */
final class MergeRecord implements Writable {
  private boolean fromNewData;
  private final Text record = new Text();

  public boolean fromNewData() {
    return fromNewData;
  }

  public Text record() {
    return record;
  }

  void set(boolean fromNewData, String record) {
    this.fromNewData = fromNewData;
    this.record.set(record);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeBoolean(fromNewData);
    record.write(out);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    fromNewData = in.readBoolean();
    record.readFields(in);
  }
}
