package dev.hadoopkit.jobs.movies;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Turns each movie's partial aggregates into a {@link MovieStat} and hands it to the job's rule, which either
 * writes it at once (keys arrive in movie id order) or keeps it to write, ordered, at the end. The jobs run one
 * reducer, so what it keeps is bounded by the number of movies.
 */
public abstract class MovieResultReducer extends Reducer<IntWritable, MovieAggregateWritable, Text, NullWritable> {

  private final Text line = new Text();

  @Override
  protected final void reduce(IntWritable movieId, Iterable<MovieAggregateWritable> parts, Context context)
      throws IOException, InterruptedException {
    double sum = 0;
    long count = 0;
    String title = "";
    LocalDate released = null;
    for (MovieAggregateWritable part : parts) {
      sum += part.sum();
      count += part.count();
      title = part.title();
      released = part.releaseDate();
    }
    accept(new MovieStat(movieId.get(), title, released, count, sum), context);
  }

  protected abstract void accept(MovieStat stat, Context context) throws IOException, InterruptedException;

  protected void write(Context context, Object... columns) throws IOException, InterruptedException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      // A tab or newline inside a title would shift columns: titles never need them, so they become spaces.
      String value = String.valueOf(columns[i]).replace('\t', ' ').replace('\n', ' ');
      text.append(i == 0 ? "" : "\t").append(value);
    }
    line.set(text.toString());
    context.write(line, NullWritable.get());
  }

  /** Keeps the first {@code limit} movies under an order, in O(limit) memory. */
  protected static final class TopMovies {
    private final Comparator<MovieStat> order;
    private final int limit;
    private final PriorityQueue<MovieStat> kept;

    public TopMovies(Comparator<MovieStat> order, int limit) {
      this.order = order;
      this.limit = limit;
      this.kept = new PriorityQueue<>(order.reversed());
    }

    public void offer(MovieStat stat) {
      if (limit <= 0) {
        return;
      }
      if (kept.size() < limit) {
        kept.add(stat);
      } else if (order.compare(stat, kept.peek()) < 0) {
        kept.poll();
        kept.add(stat);
      }
    }

    public List<MovieStat> inOrder() {
      List<MovieStat> result = new ArrayList<>(kept);
      result.sort(order);
      return result;
    }
  }
}
