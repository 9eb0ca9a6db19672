package dev.hadoopkit.jobs.input;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;

/**
 * One rating as a reusable value: the row-at-a-time Avro reader fills one per row, and
 * {@link BatchingRecordReader} gathers them into the {@link RatingBatch}es mappers receive (Parquet and ORC fill
 * batches directly).
 */
final class RatingWritable implements Writable {

  private int userId;
  private int movieId;
  private double rating;
  private long timestamp;

  public RatingWritable() {
  }

  /** Fills the value in place: readers call this once per row, so it takes primitives, not a {@code Rating}. */
  public void set(int userId, int movieId, double rating, long timestamp) {
    this.userId = userId;
    this.movieId = movieId;
    this.rating = rating;
    this.timestamp = timestamp;
  }

  public int userId() {
    return userId;
  }

  public int movieId() {
    return movieId;
  }

  public double rating() {
    return rating;
  }

  public long timestamp() {
    return timestamp;
  }


  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(userId);
    out.writeInt(movieId);
    out.writeDouble(rating);
    out.writeLong(timestamp);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    userId = in.readInt();
    movieId = in.readInt();
    rating = in.readDouble();
    timestamp = in.readLong();
  }

  @Override
  public String toString() {
    return userId + "\t" + movieId + "\t" + rating + "\t" + timestamp;
  }
}
