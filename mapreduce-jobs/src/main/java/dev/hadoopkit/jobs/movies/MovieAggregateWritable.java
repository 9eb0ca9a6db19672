package dev.hadoopkit.jobs.movies;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;

/**
 * A movie's partial aggregate on its way to the reducer: the sum and count of its ratings (averages
 * combine through these) and the title and release date joined map-side from the movies file.
 */
public final class MovieAggregateWritable implements Writable {

  private static final long NO_DATE = Long.MIN_VALUE;

  private double sum;
  private long count;
  private String title = "";
  private long releaseEpochDay = NO_DATE;

  public MovieAggregateWritable() {
  }

  public MovieAggregateWritable(double sum, long count, String title, LocalDate releaseDate) {
    set(sum, count, title, releaseDate);
  }

  public void set(double sum, long count, String title, LocalDate releaseDate) {
    this.sum = sum;
    this.count = count;
    this.title = title;
    this.releaseEpochDay = releaseDate == null ? NO_DATE : releaseDate.toEpochDay();
  }

  public double sum() {
    return sum;
  }

  public long count() {
    return count;
  }

  public String title() {
    return title;
  }

  public LocalDate releaseDate() {
    return releaseEpochDay == NO_DATE ? null : LocalDate.ofEpochDay(releaseEpochDay);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeDouble(sum);
    out.writeLong(count);
    Text.writeString(out, title);
    out.writeLong(releaseEpochDay);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    sum = in.readDouble();
    count = in.readLong();
    title = Text.readString(in);
    releaseEpochDay = in.readLong();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MovieAggregateWritable that && sum == that.sum && count == that.count
        && title.equals(that.title) && releaseEpochDay == that.releaseEpochDay;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(sum) * 31 + Long.hashCode(count);
  }

  @Override
  public String toString() {
    return "sum=" + sum + " count=" + count + " title=" + title + " released=" + releaseDate();
  }
}
