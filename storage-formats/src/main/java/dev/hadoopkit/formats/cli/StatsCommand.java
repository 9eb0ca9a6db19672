package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Schemas;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.text.TextValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.fs.Path;

/** {@code stats <path> [--columns a,b]}: per column count, nulls, min, max and a distinct estimate. */
final class StatsCommand extends Command {

  StatsCommand() {
    super("stats",
        "per column: values, nulls, min, max and an estimate of distinct values (HyperLogLog, about 1% error)",
        "<path>",
        List.of("formats stats /tmp/ratings.parquet", "formats stats /tmp/ratings.orc --columns movieId,rating",
            "formats stats ../shared/datasets/ml-100k/u.data --preset movielens-ratings"));
  }

  @Override
  Options options() {
    Options options = new Options();
    CommonOptions.addColumns(options);
    CommonOptions.addTextSchema(options);
    return options;
  }

  @Override
  int run(CommandLine command, CommandContext context) throws Exception {
    Path path = CommonOptions.onlyArgument(command, "path");
    try (RecordReader reader = Inputs.open(context.conf(), path, CommonOptions.textSchema(command, context.conf()),
        CommonOptions.columns(command))) {
      Schema schema = reader.schema();
      List<Schema.Field> fields = schema.getFields();
      ColumnStats[] stats = new ColumnStats[fields.size()];
      for (int i = 0; i < stats.length; i++) {
        stats[i] = new ColumnStats(fields.get(i).schema());
      }
      GenericRecord record;
      while ((record = reader.next()) != null) {
        for (int i = 0; i < stats.length; i++) {
          stats[i].add(record.get(i));
        }
      }
      context.out().printf(Locale.ROOT, "%-20s %12s %10s %26s %26s %12s%n", "column", "values", "nulls", "min", "max", "distinct~");
      for (int i = 0; i < stats.length; i++) {
        ColumnStats column = stats[i];
        context.out().printf(Locale.ROOT, "%-20s %12d %10d %26s %26s %12d%n", fields.get(i).name(), column.values, column.nulls,
            column.display(column.min), column.display(column.max), column.distinct.estimate());
      }
    }
    return 0;
  }

  private static final class ColumnStats {
    private final Schema schema;
    private final boolean numeric;
    private final HyperLogLog distinct = new HyperLogLog();
    private long values;
    private long nulls;
    private Object min;
    private Object max;

    ColumnStats(Schema schema) {
      this.schema = schema;
      Schema.Type type = Schemas.nonNull(schema).getType();
      numeric = type == Schema.Type.INT || type == Schema.Type.LONG || type == Schema.Type.FLOAT || type == Schema.Type.DOUBLE;
    }

    void add(Object value) {
      if (value == null) {
        nulls++;
        return;
      }
      values++;
      if (numeric) {
        double number = ((Number) value).doubleValue();
        distinct.add(Double.hashCode(number) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(number));
        if (min == null || number < ((Number) min).doubleValue()) {
          min = value;
        }
        if (max == null || number > ((Number) max).doubleValue()) {
          max = value;
        }
      } else {
        String text = value instanceof CharSequence ? value.toString() : TextValues.format(value, schema);
        distinct.add(hash(text));
        if (min == null || text.compareTo((String) min) < 0) {
          min = text;
        }
        if (max == null || text.compareTo((String) max) > 0) {
          max = text;
        }
      }
    }

    String display(Object value) {
      if (value == null) {
        return "-";
      }
      String text = numeric ? TextValues.format(value, schema) : value.toString();
      return text.length() > 26 ? text.substring(0, 23) + "..." : text;
    }

    private static long hash(String text) {
      long hash = 0xcbf29ce484222325L;
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        hash ^= b;
        hash *= 0x100000001b3L;
      }
      return hash;
    }
  }

  /** A HyperLogLog sketch with 2^14 registers (standard error about 0.8%). */
  static final class HyperLogLog {
    private static final int P = 14;
    private static final int M = 1 << P;
    private final byte[] registers = new byte[M];

    void add(long value) {
      long hash = mix(value);
      int index = (int) (hash >>> (64 - P));
      int rank = Long.numberOfLeadingZeros((hash << P) | (1L << (P - 1))) + 1;
      if (rank > registers[index]) {
        registers[index] = (byte) rank;
      }
    }

    long estimate() {
      double sum = 0;
      int zeros = 0;
      for (byte register : registers) {
        sum += Math.pow(2, -register);
        if (register == 0) {
          zeros++;
        }
      }
      double alpha = 0.7213 / (1 + 1.079 / M);
      double estimate = alpha * M * M / sum;
      if (estimate <= 2.5 * M && zeros > 0) {
        estimate = M * Math.log((double) M / zeros);
      }
      return Math.round(estimate);
    }

    private static long mix(long value) {
      long z = value + 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
