package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.schema.Preset;
import dev.hadoopkit.formats.source.TextSchema;
import dev.hadoopkit.formats.tool.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Options several commands share, and their parsing. */
final class CommonOptions {

  private CommonOptions() {
  }

  static void addTextSchema(Options options) {
    options.addOption(Option.builder().longOpt("preset").hasArg().argName("name")
        .desc("read text as MovieLens data: movielens-ratings (u.data, ratings.dat; rating int), "
            + "movielens-ratings-latest (ratings.csv; rating float), movielens-movies, movielens-users").build());
    options.addOption(Option.builder().longOpt("schema").hasArg().argName("file.avsc")
        .desc("read text (CSV/TSV/JSON lines) in this Avro schema; binary input is converted to it").build());
    options.addOption(Option.builder().longOpt("infer").desc("infer the schema of CSV/TSV text from its header and the first 1,000 rows").build());
  }

  static void addColumns(Options options) {
    options.addOption(Option.builder().longOpt("columns").hasArg().argName("a,b").desc("only these columns, in this order").build());
  }

  static TextSchema textSchema(CommandLine command, Configuration conf) throws UsageException, IOException {
    int given = (command.hasOption("preset") ? 1 : 0) + (command.hasOption("schema") ? 1 : 0) + (command.hasOption("infer") ? 1 : 0);
    if (given > 1) {
      throw new UsageException("Invalid options: pass only one of --preset, --schema and --infer");
    }
    Preset preset = null;
    if (command.hasOption("preset")) {
      try {
        preset = Preset.of(command.getOptionValue("preset"));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    Schema schema = null;
    if (command.hasOption("schema")) {
      Path file = new Path(command.getOptionValue("schema"));
      try (InputStream in = file.getFileSystem(conf).open(file)) {
        schema = new Schema.Parser().parse(in);
      } catch (java.io.FileNotFoundException e) {
        throw new UsageException("Schema file " + file + " does not exist");
      } catch (SchemaParseException e) {
        throw new IOException("Cannot read schema file " + file + ": " + e.getMessage());
      }
      if (schema.getType() != Schema.Type.RECORD) {
        throw new IOException("Cannot use schema file " + file + ": expected a record schema, found " + schema.getType());
      }
    }
    return new TextSchema(preset, schema, command.hasOption("infer"));
  }

  static List<String> columns(CommandLine command) {
    if (!command.hasOption("columns")) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    for (String column : command.getOptionValue("columns").split(",")) {
      if (!column.isBlank()) {
        columns.add(column.trim());
      }
    }
    return columns;
  }

  static Path onlyArgument(CommandLine command, String what) throws UsageException {
    List<String> arguments = command.getArgList();
    if (arguments.size() != 1) {
      throw new UsageException("Expected one " + what + ", got " + (arguments.isEmpty() ? "none" : arguments.size() + ": " + String.join(" ", arguments)));
    }
    return new Path(arguments.get(0));
  }

  /**
   * An option taking a whole number of at least 0 ({@code 10_000_000} too), typed through commons-cli
   * ({@link Option.Builder#converter}) so {@link #longOption} reads it with {@link CommandLine#getParsedOptionValue}.
   */
  static Option.Builder wholeNumber(String shortName, String longName) {
    return Option.builder(shortName).longOpt(longName).hasArg().argName("n").type(Long.class)
        .converter(value -> Long.parseLong(value.replace("_", "")));
  }

  /** A {@link #wholeNumber} option's value; not a number, or negative, is a usage error naming the option. */
  static long longOption(CommandLine command, String option, long defaultValue) throws UsageException {
    String value = command.getOptionValue(option);
    String name = "-" + (option.length() == 1 ? "" : "-") + option;
    long parsed;
    try {
      parsed = command.getParsedOptionValue(option, defaultValue);
    } catch (org.apache.commons.cli.ParseException | RuntimeException e) {
      throw new UsageException("Invalid " + name + " '" + value + "': not a whole number");
    }
    if (parsed < 0) {
      throw new UsageException("Invalid " + name + " " + value + ": must not be negative");
    }
    return parsed;
  }
}
