package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import and export behaviour every database shares, run once per server by a subclass ({@link MariaDbIngestIT},
 * {@link PostgresIngestIT}) that names its {@link ScratchDatabase}; the subclasses add what is particular to theirs.
 */
abstract class DatabaseIngestSuite {
  @TempDir
  Path tmp;

  /** The subclass's database (a {@code @RegisterExtension} field). */
  abstract ScratchDatabase database();

  CliRun sqoop(String... args) {
    return CliRun.run(tmp.resolve("hadoop-tmp"), args);
  }

  void exec(String sql) throws SQLException {
    database().exec(sql);
  }

  /** The rows {@code sql} returns, each as its columns' text joined by {@code |} (a NULL is "null"). */
  List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  /**
   * Fills the empty table kv with {@code 1=one, 2=two} and exports {@code 1,uno} and {@code 3,tres} into it with
   * {@code --update-key k}: row 1 is updated, row 3 is not inserted. Returns the export directory.
   */
  Path updateOnlyExportToKv() throws java.io.IOException, SQLException {
    exec("INSERT INTO kv VALUES (1,'one'),(2,'two')");
    Path in = Files.createDirectories(tmp.resolve("kv"));
    Files.writeString(in.resolve("part-m-00000"), "1,uno\n3,tres\n");
    exportToKv(in, "--update-key", "k");
    assertEquals(List.of("1=uno", "2=two"), kv());
    return in;
  }

  /** Exports the text files of {@code dir} into table kv (one mapper) with {@code options}; fails unless it succeeds. */
  void exportToKv(Path dir, String... options) {
    List<String> args = new ArrayList<>(List.of("export", "--connect", database().url(), "--username",
        database().user(), "--table", "kv"));
    args.addAll(List.of(options));
    args.addAll(List.of("--export-dir", dir.toString(), "-m", "1"));
    CliRun r = sqoop(args.toArray(new String[0]));
    assertEquals(0, r.exit, r.toString());
  }

  /** The rows of table {@code kv (k INT PRIMARY KEY, v VARCHAR)} as {@code k=v}, by k. */
  List<String> kv() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = database().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT k, v FROM kv ORDER BY k")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + "=" + rs.getString(2));
      }
    }
    return out;
  }

  /** Writes {@code dir/file} with lines {@code i,vi} for i = 1..count, line {@code badLine} being {@code bad}. */
  Path keyValueLines(String dir, String file, int count, int badLine, String bad) throws java.io.IOException {
    Path in = Files.createDirectories(tmp.resolve(dir));
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      b.append(i == badLine ? bad : i + ",v" + i).append('\n');
    }
    Files.writeString(in.resolve(file), b.toString());
    return in;
  }

  /* Sqoop reads an empty non-string field as NULL whatever --input-null-non-string says (Hive tables use \\N). */
  @Test
  void emptyNonStringFieldIsNullAlsoWithInputNullNonString() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("empty-non-string"));
    Files.writeString(in.resolve("part-m-00000"), "1,,x,\n2,\\N,\\N,2020-01-02\n3,7,,\n");
    for (String mode : new String[] {"insert", "direct"}) {
      String table = "empty_ns_" + mode;
      exec("CREATE TABLE " + table + " (id INT PRIMARY KEY, n INT, s VARCHAR(10), d DATE)");
      List<String> args = new ArrayList<>(List.of("export", "--connect", database().url(), "--username",
          database().user(), "--table", table, "--export-dir", in.toString(), "-m", "1", "--input-null-string", "\\\\N",
          "--input-null-non-string", "\\\\N"));
      if (mode.equals("direct")) {
        args.add("--direct");
      }
      CliRun r = sqoop(args.toArray(new String[0]));
      assertEquals(0, r.exit, mode + ": " + r);
      assertEquals(List.of("1|null|x|null", "2|null|null|2020-01-02", "3|7||null"), rows("SELECT id, n, s, d FROM " + table + " ORDER BY id"), mode);
    }
  }
}
