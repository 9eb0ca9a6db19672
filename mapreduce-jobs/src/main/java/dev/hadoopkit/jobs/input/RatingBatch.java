package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.movielens.Rating;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;

/**
 * Up to {@link #CAPACITY} ratings in columns, the value a ratings reader hands a mapper. Hadoop's framework
 * does work for every record a map task reads (byte counters over all filesystem statistics, progress, the
 * context): handing ratings over a thousand at a time, as vectorized ORC and Parquet readers do, makes that
 * cost negligible. Mappers loop over {@code 0 <= i < size()}.
 */
public final class RatingBatch implements Writable {

  public static final int CAPACITY = 1024;

  private int[] userIds = new int[CAPACITY];
  private int[] movieIds = new int[CAPACITY];
  private double[] ratings = new double[CAPACITY];
  private long[] timestamps = new long[CAPACITY];
  private int size;

  public static RatingBatch of(Rating... values) {
    RatingBatch batch = new RatingBatch();
    for (Rating value : values) {
      batch.add(value);
    }
    return batch;
  }

  public int size() {
    return size;
  }

  public boolean isFull() {
    return size == userIds.length;
  }

  public void clear() {
    size = 0;
  }

  public void add(Rating rating) {
    add(rating.userId(), rating.movieId(), rating.rating(), rating.timestamp());
  }

  public void add(int userId, int movieId, double rating, long timestamp) {
    if (size == userIds.length) {
      grow(size * 2);
    }
    userIds[size] = userId;
    movieIds[size] = movieId;
    ratings[size] = rating;
    timestamps[size] = timestamp;
    size++;
  }

  /**
   * The user id column, for a reader that fills the batch a column at a time (ORC, Parquet): it writes rows
   * {@code 0 <= i < n}, {@code n <= CAPACITY}, into {@link #userIdColumn()}, {@link #movieIdColumn()} and
   * {@link #ratingColumn()}, then calls {@link #setSize}. Timestamps are left as they are (0 in a batch only such a
   * reader fills).
   */
  int[] userIdColumn() {
    return userIds;
  }

  int[] movieIdColumn() {
    return movieIds;
  }

  double[] ratingColumn() {
    return ratings;
  }

  /** Declares rows {@code 0 <= i < size} of the columns filled. */
  void setSize(int size) {
    if (size < 0 || size > userIds.length) {
      throw new IllegalArgumentException("Invalid batch size: " + size + ", must be 0 to " + userIds.length);
    }
    this.size = size;
  }

  public int userId(int index) {
    return userIds[index];
  }

  public int movieId(int index) {
    return movieIds[index];
  }

  public double rating(int index) {
    return ratings[index];
  }

  public long timestamp(int index) {
    return timestamps[index];
  }

  public Rating get(int index) {
    return new Rating(userIds[index], movieIds[index], ratings[index], timestamps[index]);
  }

  private void grow(int capacity) {
    userIds = Arrays.copyOf(userIds, capacity);
    movieIds = Arrays.copyOf(movieIds, capacity);
    ratings = Arrays.copyOf(ratings, capacity);
    timestamps = Arrays.copyOf(timestamps, capacity);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeInt(userIds[i]);
      out.writeInt(movieIds[i]);
      out.writeDouble(ratings[i]);
      out.writeLong(timestamps[i]);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int count = in.readInt();
    if (count > userIds.length) {
      grow(count);
    }
    size = 0;
    for (int i = 0; i < count; i++) {
      add(in.readInt(), in.readInt(), in.readDouble(), in.readLong());
    }
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RatingBatch that) || that.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!get(i).equals(that.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return size;
  }

  @Override
  public String toString() {
    return "RatingBatch[" + size + " ratings]";
  }
}
