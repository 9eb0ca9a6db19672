package dev.hadoopkit.ingest.bench;

import dev.hadoopkit.ingest.JobRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * bin/ingest-bench: ingest-sqoopish against the database's own tools, each measured as a real process in the same run
 * on the same machine, the reference right before every measured command (ratios of a pair compare fairly on a loaded
 * machine; with {@code --repeat} the medians are reported).
 * <ul>
 *   <li>import: {@code sqoop import -m 1/2/4} (text; Parquet and ORC on request) against
 *       {@code mariadb --quick -B -N -e "SELECT * FROM ratings_big" > file};</li>
 *   <li>export: {@code sqoop export} (insert) and {@code --direct} against the client's {@code LOAD DATA LOCAL INFILE}
 *       of the same rows.</li>
 * </ul>
 * Every output is checked (row counts, an order-independent digest of text imports, CHECKSUM TABLE of exports) before
 * anything is reported. The job seconds come from {@link JobRunner#KEY_OUTCOME_FILE}, never from a log.
 */
public final class IngestBench {
  private static final Duration DEADLINE = Duration.ofMinutes(20);
  private static final String TABLE = "ratings_big";

  private final BenchOptions options;
  private final PrintStream progress;
  private final Clock clock;
  private final String serverUrl;
  private final String databaseUrl;
  private long sourceChecksum;
  private final List<Double> dumpWalls = new ArrayList<>();
  private final List<Double> loadWalls = new ArrayList<>();
  private int runs;

  IngestBench(BenchOptions options, PrintStream progress, Clock clock) {
    this.options = options;
    this.progress = progress;
    this.clock = clock;
    this.serverUrl = "jdbc:mariadb://" + options.host() + ":" + options.port() + "/?user=" + options.user();
    this.databaseUrl = "jdbc:mariadb://" + options.host() + ":" + options.port() + "/" + options.database() + "?user="
        + options.user();
  }

  public static void main(String[] args) {
    System.exit(BenchCli.run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** Prepares the data, measures everything, checks every output and returns the report's markdown section. */
  String run() throws IOException, InterruptedException, SQLException {
    Files.createDirectories(options.work());
    prepareData();
    List<Measurement> imports = new ArrayList<>();
    for (int m : new int[] {1, 2, 4}) {
      imports.add(measureImport("`sqoop import -m " + m + "` (text)", importGoal(m), m, "text", List.of()));
    }
    if (options.parquet()) {
      for (int m : new int[] {1, 2, 4}) {
        imports.add(measureImport("`sqoop import -m " + m + " --as-parquetfile` (snappy)", importGoal(m), m, "parquet",
            List.of("--as-parquetfile")));
      }
    }
    if (options.orc()) {
      for (int m : new int[] {1, 2, 4}) {
        imports.add(measureImport("`sqoop import -m " + m + " --as-orcfile` (zstd)", Double.NaN, m, "orc",
            List.of("--as-orcfile")));
      }
    }
    if (OutputChecks.text(importDir("text", 1)).digest() != OutputChecks.text(importDir("text", 4)).digest()) {
      throw new BenchFailure("import -m 1 and -m 4 wrote different lines");
    }
    sql("DROP TABLE IF EXISTS ratings_load", "CREATE TABLE ratings_load LIKE " + TABLE,
        "DROP TABLE IF EXISTS ratings_exp", "CREATE TABLE ratings_exp LIKE " + TABLE);
    List<Measurement> exports = new ArrayList<>();
    Path text = importDir("text", 4);
    exports.add(measureExport("`sqoop export -m 1` (insert, bulk batches of 5000)", 0.80, text, List.of("-m", "1")));
    exports.add(measureExport("`sqoop export -m 2` (insert)", 0.80, text, List.of("-m", "2")));
    if (options.parquet()) {
      exports.add(measureExport("`sqoop export -m 2` of the `-m 4 --as-parquetfile` files (insert)", Double.NaN,
          importDir("parquet", 4), List.of("-m", "2")));
    }
    exports.add(measureExport("`sqoop export -m 1 --direct` (LOAD DATA LOCAL INFILE from a stream)", 0.95, text,
        List.of("-m", "1", "--direct")));
    exports.add(measureExport("`sqoop export -m 2 --direct` (LOAD DATA LOCAL INFILE from a stream)", 0.95, text,
        List.of("-m", "2", "--direct")));
    sql("DROP TABLE ratings_exp", "DROP TABLE ratings_load");
    return report(imports, exports);
  }

  /** Issue #14: at -m 2 0.8 of the client's dump, at -m 4 faster than it; -m 1 has no goal. */
  private static double importGoal(int mappers) {
    return mappers == 2 ? 0.80 : mappers == 4 ? 1.00 : Double.NaN;
  }

  private void prepareData() throws IOException, InterruptedException, SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + options.database() + " CHARACTER SET utf8mb4");
    }
    if (count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='" + options.database()
        + "' AND table_name='ratings'") == 0) {
      if (!java.nio.file.Files.isRegularFile(options.dump())) {
        throw new BenchFailure("the MovieLens dump " + options.dump() + " does not exist; " + options.database()
            + " has no ratings table to build " + TABLE + " from: give the dump with --dump (bin/ingest-bench reads"
            + " MOVIELENS_SQL, default ../shared/datasets/movielens-mysql.sql beside the checkout)");
      }
      progress.println("loading " + options.dump() + " into " + options.database());
      Processes.timed(options.client(options.database()), options.dump(), log("load-dump.out"), log("load-dump.err"),
          DEADLINE);
    }
    boolean have = count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='" + options.database()
        + "' AND table_name='" + TABLE + "'") == 1;
    if (!have || count("SELECT COUNT(*) FROM " + TABLE) != options.rows()) {
      progress.println("building " + TABLE + " with " + options.rows() + " rows");
      sql("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE + " LIKE ratings",
          "INSERT INTO " + TABLE + " SELECT s.seq*100000 + r.id, r.user_id, r.movie_id, r.rating, r.rated_at FROM seq_0_to_"
              + (options.rows() / 100_000 - 1) + " s JOIN ratings r");
    }
    sourceChecksum = checksum(TABLE);
  }

  private Measurement measureImport(String label, double goal, int mappers, String kind, List<String> extra)
      throws IOException, InterruptedException {
    Measurement measurement = new Measurement(label, goal);
    for (int r = 0; r < options.repeat(); r++) {
      double reference = referenceDump();
      Path dir = importDir(kind, mappers);
      delete(dir);
      progress.println("import -m " + mappers + " " + kind);
      List<String> args = new ArrayList<>(List.of("--connect", options.connectUrl(), "--username", options.user(), "--table",
          TABLE, "-m", Integer.toString(mappers), "--target-dir", dir.toString()));
      args.addAll(extra);
      Timing t = sqoop("import", args);
      long rows = kind.equals("text") ? OutputChecks.text(dir).lines() : OutputChecks.binaryRows(dir);
      if (rows != options.rows()) {
        throw new BenchFailure(label + " wrote " + rows + " rows, expected " + options.rows());
      }
      measurement.add(t.wall(), t.job(), reference);
    }
    if (kind.equals("orc")) {
      delete(importDir(kind, mappers));
    }
    return measurement;
  }

  private Measurement measureExport(String label, double goal, Path dir, List<String> extra)
      throws IOException, InterruptedException, SQLException {
    Measurement measurement = new Measurement(label, goal);
    for (int r = 0; r < options.repeat(); r++) {
      double reference = referenceLoad();
      sql("TRUNCATE ratings_exp");
      progress.println("export " + String.join(" ", extra) + " of " + dir.getFileName());
      List<String> args = new ArrayList<>(List.of("--connect", options.connectUrl(), "--username", options.user(), "--table",
          "ratings_exp", "--export-dir", dir.toString()));
      args.addAll(extra);
      Timing t = sqoop("export", args);
      if (checksum("ratings_exp") != sourceChecksum) {
        throw new BenchFailure(label + ": the table's CHECKSUM differs from the source's");
      }
      measurement.add(t.wall(), t.job(), reference);
    }
    return measurement;
  }

  /** The client's dump of the table into a file, checked by its line count. */
  private double referenceDump() throws IOException, InterruptedException {
    progress.println("import reference: mariadb --quick");
    double wall = Processes.timed(options.client("--quick", "-B", "-N", "-e", "SELECT * FROM " + TABLE, options.database()),
        null, referenceFile(), log("ref-dump.err"), DEADLINE);
    long lines = OutputChecks.text(List.of(referenceFile())).lines();
    if (lines != options.rows()) {
      throw new BenchFailure("the reference dump has " + lines + " lines, expected " + options.rows());
    }
    dumpWalls.add(wall);
    return wall;
  }

  /** The client's LOAD DATA LOCAL INFILE of the reference dump into an empty table, checked by CHECKSUM TABLE. */
  private double referenceLoad() throws IOException, InterruptedException, SQLException {
    if (!Files.exists(referenceFile())) {
      referenceDump();
    }
    sql("TRUNCATE ratings_load");
    progress.println("export reference: LOAD DATA LOCAL INFILE");
    double wall = Processes.timed(options.client("--local-infile=1", options.database(), "-e",
        "LOAD DATA LOCAL INFILE '" + referenceFile() + "' INTO TABLE ratings_load"), null, log("ref-load.out"),
        log("ref-load.err"), DEADLINE);
    if (checksum("ratings_load") != sourceChecksum) {
      throw new BenchFailure("LOAD DATA reference differs from the source");
    }
    loadWalls.add(wall);
    return wall;
  }

  /** A command's wall seconds and its job's seconds as JobRunner recorded them (NaN when it recorded none). */
  private record Timing(double wall, double job) {
  }

  private Timing sqoop(String tool, List<String> args) throws IOException, InterruptedException {
    int n = ++runs;
    Path outcome = options.work().resolve("outcome-" + n + ".txt");
    List<String> command = new ArrayList<>(List.of(options.sqoop().toString(), tool, "-D",
        JobRunner.KEY_OUTCOME_FILE + "=" + outcome));
    command.addAll(args);
    double wall = Processes.timed(command, null, log(tool + "-" + n + ".out"), log(tool + "-" + n + ".err"), DEADLINE);
    double job = Double.NaN;
    if (Files.exists(outcome)) {
      for (String line : Files.readAllLines(outcome, StandardCharsets.UTF_8)) {
        job = Double.parseDouble(line.substring("seconds=".length(), line.indexOf(' ')));
      }
    }
    return new Timing(wall, job);
  }

  private String report(List<Measurement> imports, List<Measurement> exports) throws SQLException {
    String load = Files.exists(Path.of("/proc/loadavg")) ? readLoad() : "unknown";
    String version = string("SELECT VERSION()");
    StringBuilder s = new StringBuilder();
    s.append("## ingest-sqoopish\n\n");
    s.append(BenchDocument.BEGIN).append('\n');
    s.append("Measured ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(clock.instant().atZone(ZoneOffset.UTC)))
        .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores (load average ").append(load)
        .append(": the machine is shared, so compare ratios within one run), MariaDB ").append(version).append(", ")
        .append(options.rows()).append(" rows of `ratings_big` (id, user_id, movie_id, rating, rated_at).\n");
    s.append("Reproduce: `bin/ingest-bench --rows ").append(options.rows()).append(options.parquet() ? " --parquet" : "")
        .append(options.orc() ? " --orc" : "").append(options.repeat() > 1 ? " --repeat " + options.repeat() : "")
        .append(" --write` (after `mvn -B -DskipTests package`).\n");
    s.append("\"wall\" is the whole command (JVM start, planning, job, commit); \"job\" is the MapReduce job alone (submission to\n"
        + "completion, as JobRunner records it). Each command ran right after its reference; ratio = reference wall ÷ command wall\n"
        + "(= our rows/s ÷ the reference's rows/s) of that pair")
        .append(options.repeat() > 1 ? ", median of " + options.repeat() + " pairs (walls are medians too)" : "")
        .append(". Every output was checked (row count, digest, CHECKSUM TABLE).\n\n");
    s.append("| operation | wall s | job s | rows/s (wall) | ratio vs reference | goal |\n");
    s.append("|---|---:|---:|---:|---:|---|\n");
    s.append(Measurement.referenceRow("reference: `mariadb --quick -B -N -e 'SELECT * FROM ratings_big' > file`", dumpWalls,
        options.rows())).append('\n');
    imports.forEach(m -> s.append(m.row(options.rows())).append('\n'));
    s.append(Measurement.referenceRow("reference: `LOAD DATA LOCAL INFILE` (mariadb client)", loadWalls, options.rows()))
        .append('\n');
    exports.forEach(m -> s.append(m.row(options.rows())).append('\n'));
    s.append(BenchDocument.END).append('\n');
    return s.toString();
  }

  private static String readLoad() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private Path importDir(String kind, int mappers) {
    return options.work().resolve(kind + "-m" + mappers);
  }

  private Path referenceFile() {
    return options.work().resolve("reference.tsv");
  }

  private Path log(String name) throws IOException {
    Path logs = options.work().resolve("logs");
    Files.createDirectories(logs);
    return logs.resolve(name);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(databaseUrl);
  }

  /** Runs statements in the scratch database. */
  private void sql(String... statements) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private long count(String query) throws SQLException {
    return Long.parseLong(string(query));
  }

  private String string(String query) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private long checksum(String table) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("CHECKSUM TABLE " + table)) {
      rs.next();
      long sum = rs.getLong(2);
      if (rs.wasNull()) {
        throw new BenchFailure("CHECKSUM TABLE " + table + " gave no checksum");
      }
      return sum;
    }
  }

  /** Removes what {@code dir} holds but its entry {@code keep}. */
  static void deleteExcept(Path dir, String keep) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (!p.getFileName().toString().equals(keep)) {
          delete(p);
        }
      }
    }
  }

  /** Removes {@code dir} and everything in it. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

}
