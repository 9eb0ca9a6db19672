package dev.hadoopkit.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lowest-rated answer computed in one process, straight from u.data: the oracle of the ITs. */
final class LowestRatedOracle {

  /** One row of the answer: movie id, exact sum and count of its ratings. */
  record Row(int movieId, long sum, long count) {
    double avg() {
      return (double) sum / count;
    }
  }

  private LowestRatedOracle() {
  }

  static List<Row> compute(Path uData, int minRatings, int limit) throws IOException {
    Map<Integer, long[]> perMovie = new TreeMap<>();
    try (BufferedReader r = Files.newBufferedReader(uData, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        long[] agg = perMovie.computeIfAbsent(Integer.parseInt(f[1]), k -> new long[2]);
        agg[0] += Integer.parseInt(f[2]);
        agg[1]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    perMovie.forEach((id, agg) -> {
      if (agg[1] > minRatings) {
        rows.add(new Row(id, agg[0], agg[1]));
      }
    });
    // Average ascending (compared exactly, as fractions), then count descending, then movie id.
    rows.sort(Comparator.<Row>comparingInt(a -> 0)
        .thenComparing((a, b) -> Long.compare(a.sum() * b.count(), b.sum() * a.count()))
        .thenComparing(Comparator.comparingLong(Row::count).reversed())
        .thenComparingInt(Row::movieId));
    return rows.subList(0, Math.min(limit, rows.size()));
  }

  /** Parses the job's part files: movieId TAB title TAB avg TAB count. */
  static List<String[]> parseJobOutput(String text) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(line.split("\t"));
        }
      }
    }
    return rows;
  }
}
