package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import dev.hadoopkit.ingest.imports.ImportSchema;
import dev.hadoopkit.ingest.imports.OutputKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.avro.Schema;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code sqoop codegen}: Sqoop generated a Java record class per table for its mappers; this build reads and writes
 * rows without generated code, so codegen says so and writes what is still useful: the table's Avro schema
 * ({@code NAME.avsc}, the schema of {@code --as-avrodatafile}/{@code --as-parquetfile}/{@code --as-orcfile} imports).
 */
final class CodegenCommand implements SqoopTool {
  @Override
  public String name() {
    return "codegen";
  }

  @Override
  public String description() {
    return "Write the Avro schema of a table (no Java code is needed by this build)";
  }

  @Override
  public Options options() {
    return OptionSets.forCodegen();
  }

  @Override
  public String examples() {
    return "  sqoop codegen --connect jdbc:mysql://localhost/movielens --username root --table movies --outdir /tmp/schemas\n"
        + "  sqoop codegen --connect jdbc:postgresql://localhost/shop --table orders --class-name com.example.Order\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) throws Exception {
    TableShape shape = TableShape.read(args, conf, console, true);
    String name = shape.recordName(args);
    Schema schema = ImportSchema.of(name, shape.columns(),
        ColumnJavaTypes.of(args.getList("map-column-java"), shape.columns(), OutputKind.AVRO));
    Path dir = Path.of(args.get("outdir", args.get("bindir", System.getProperty("user.dir"))));
    Path file = dir.resolve(name + ".avsc");
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + name, ".avsc.tmp");
      try {
        Files.writeString(tmp, schema.toString(true) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new IngestException("Cannot write " + file + ": " + e.getMessage() + " (check --outdir)", e);
    }
    console.info("No Java code is generated: this build imports, exports and merges without generated record classes "
        + "(--class-name and --jar-file are accepted and not needed).");
    console.info("Wrote the Avro schema of " + (shape.table() == null ? "the query" : "table " + shape.table()) + " ("
        + shape.columns().size() + " columns) to " + file);
    console.out().println(file);
    return 0;
  }
}
