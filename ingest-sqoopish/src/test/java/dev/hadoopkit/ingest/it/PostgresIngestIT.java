package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Import and export against the real local PostgreSQL: cursor streaming, ON CONFLICT upserts, COPY, staging. */
class PostgresIngestIT extends DatabaseIngestSuite {
  @RegisterExtension
  static final ScratchDatabase DB = ScratchDatabase.postgres("hk_it_pg", (c, s) -> {
    s.execute(ItemsTable.postgresDdl("items"));
    ItemsTable.insert(c, "items");
    s.execute("CREATE TABLE kv (k INT PRIMARY KEY, v VARCHAR(20))");
  });

  @Override
  ScratchDatabase database() {
    return DB;
  }

  /* Sqoop's PostgreSQL manager takes "-- --schema NAME": tables are looked up (and listed) in that schema. */
  @Test
  void schemaAfterDoubleDashIsHonoredByImportExportAndListTables() throws Exception {
    exec("CREATE SCHEMA sales");
    exec("CREATE TABLE sales.orders (id INT PRIMARY KEY, name VARCHAR(20))");
    exec("INSERT INTO sales.orders VALUES (1, 'in-sales'), (2, 'also-sales')");
    exec("CREATE TABLE public.orders (id INT PRIMARY KEY, name VARCHAR(20))");
    exec("INSERT INTO public.orders VALUES (9, 'in-public')");
    exec("CREATE TABLE sales.orders_copy (id INT PRIMARY KEY, name VARCHAR(20))");
    Path target = tmp.resolve("sales-orders");
    CliRun imported = sqoop("import", "--connect", DB.url(), "--username", "postgres", "--table", "orders", "-m", "2",
        "--target-dir", target.toString(), "--", "--schema", "sales");
    assertEquals(0, imported.exit, imported.toString());
    List<String> rows = MariaDbIngestIT.readParts(target);
    Collections.sort(rows);
    assertEquals(List.of("1,in-sales", "2,also-sales"), rows);

    CliRun exported = sqoop("export", "--connect", DB.url(), "--username", "postgres", "--table", "orders_copy", "-m", "1",
        "--export-dir", target.toString(), "--", "--schema", "sales");
    assertEquals(0, exported.exit, exported.toString());
    try (Connection c = DB.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM sales.orders_copy")) {
      rs.next();
      assertEquals(2, rs.getInt(1));
    }

    CliRun listed = sqoop("list-tables", "--connect", DB.url(), "--username", "postgres", "--", "--schema", "sales");
    assertEquals(0, listed.exit, listed.toString());
    assertEquals(List.of("orders", "orders_copy"), List.of(listed.out.strip().split("\n")));

    CliRun missing = sqoop("list-tables", "--connect", DB.url(), "--username", "postgres", "--", "--schema", "nosuch");
    assertEquals(1, missing.exit, missing.toString());
    assertTrue(missing.err.contains("Schema nosuch (from -- --schema) does not exist in database " + DB.name()), missing.err);
  }

  @Test
  void exportValueErrorNamesFileLineAndColumn() throws Exception {
    exec("CREATE TABLE rated (id INT PRIMARY KEY, rating DECIMAL(4,1))");
    Path dir = MariaDbIngestIT.ratingsWithOneBadValue(tmp.resolve("rated-in"), "x");
    for (String mode : new String[] {"insert", "direct", "update"}) {
      List<String> args = new ArrayList<>(List.of("export", "--connect", DB.url(), "--username", "postgres", "--table", "rated",
          "-m", "1", "--export-dir", dir.toString()));
      if (mode.equals("direct")) {
        args.add("--direct");
      } else if (mode.equals("update")) {
        args.addAll(List.of("--update-key", "id"));
      }
      CliRun r = sqoop(args.toArray(new String[0]));
      assertEquals(1, r.exit, mode + ": " + r);
      assertTrue(r.err.contains("part-m-00001:2331: column rating: 'x' is not a"), mode + ": " + r.err);
      assertTrue(!r.err.contains("line 1 to"), mode + ": " + r.err);
    }
  }

  @Test
  void textCheckColumnIsRefusedForIncrementalImports() throws Exception {
    exec("CREATE TABLE inc_text (id INT PRIMARY KEY, code TEXT, v VARCHAR(5))");
    for (String column : new String[] {"code", "v"}) {
      CliRun r = sqoop("import", "--connect", DB.url(), "--username", "postgres", "--table", "inc_text", "-m", "1",
          "--incremental", "append", "--check-column", column, "--target-dir", tmp.resolve("t" + column).toString());
      assertEquals(1, r.exit, r.toString());
      assertTrue(r.err.contains("Character column (" + column + ") can not be used"), r.err);
    }
  }

  @Test
  void importStreamsEveryRowInSqoopText() throws Exception {
    Path target = tmp.resolve("items");
    CliRun r = sqoop("import", "--connect", DB.url(), "--driver", "org.postgresql.Driver", "--username", "postgres", "--table", "items",
        "--columns", "id,price,born,seen,flag,score,grp", "-m", "3", "--fetch-size", "50", "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    List<String> expected = ItemsTable.items().stream().map(ItemsTable.Item::sqoopTextWithoutName).sorted().collect(Collectors.toList());
    List<String> actual = MariaDbIngestIT.readParts(target);
    Collections.sort(actual);
    assertEquals(expected, actual);
  }

  @Test
  void queryImportSplitOnNullableColumnKeepsNullRows() throws Exception {
    Path target = tmp.resolve("q");
    CliRun missing = sqoop("import", "--connect", DB.url(), "--username", "postgres", "--query",
        "SELECT i.id FROM items i WHERE i.id > 0 AND $CONDITIONS", "--split-by", "i.grp", "-m", "4", "--target-dir", target.toString());
    assertEquals(1, missing.exit, missing.toString());
    assertTrue(missing.err.contains("must be in the SELECT list"), missing.err);
    CliRun r = sqoop("import", "--connect", DB.url(), "--username", "postgres", "--query",
        "SELECT i.id, i.grp FROM items i WHERE i.id > 0 AND $CONDITIONS", "--split-by", "i.grp", "-m", "4", "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    List<String> ids = MariaDbIngestIT.readParts(target).stream().map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toList());
    Collections.sort(ids);
    assertEquals(ItemsTable.items().stream().map(i -> String.valueOf(i.id)).sorted().collect(Collectors.toList()), ids);
  }

  @Test
  void roundTripThroughInsertAndCopyPreservesEveryValue() throws Exception {
    exec(ItemsTable.postgresDdl("items_copy"));
    exec(ItemsTable.postgresDdl("items_direct"));
    Path target = tmp.resolve("enclosed");
    CliRun imp = sqoop("import", "--connect", DB.url(), "--username", "postgres", "--table", "items", "-m", "2",
        "--target-dir", target.toString(), "--fields-terminated-by", "\\t", "--enclosed-by", "'", "--escaped-by", "\\\\",
        "--null-string", "\\\\N", "--null-non-string", "\\\\N", "-z");
    assertEquals(0, imp.exit, imp.toString());
    assertTrue(Files.exists(target.resolve("part-m-00000.gz")), "gzip output");
    String[] common = {"--export-dir", target.toString(), "--input-fields-terminated-by", "\\t", "--input-enclosed-by", "'",
        "--input-escaped-by", "\\\\", "--input-null-string", "\\\\N", "--input-null-non-string", "\\\\N", "-m", "2"};
    CliRun insert = sqoop(concat(new String[] {"export", "--connect", DB.url(), "--username", "postgres", "--table", "items_copy"}, common));
    assertEquals(0, insert.exit, insert.toString());
    CliRun direct = sqoop(concat(new String[] {"export", "--connect", DB.url(), "--username", "postgres", "--table", "items_direct",
        "--direct"}, common));
    assertEquals(0, direct.exit, direct.toString());
    try (Connection c = DB.connect()) {
      List<String> source = ItemsTable.dump(c, "items");
      assertEquals(source, ItemsTable.dump(c, "items_copy"));
      assertEquals(source, ItemsTable.dump(c, "items_direct"));
    }
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void upsertUsesOnConflictAndStagingMovesRowsAtTheEnd() throws Exception {
    exec("DELETE FROM kv");
    exec("CREATE TABLE kv_stage (k INT PRIMARY KEY, v VARCHAR(20))");
    Path in = updateOnlyExportToKv();
    Files.writeString(in.resolve("part-m-00000"), "2,dos\n4,cuatro\n");
    exportToKv(in, "--update-key", "k", "--update-mode", "allowinsert", "--staging-table", "kv_stage");
    assertEquals(List.of("1=uno", "2=dos", "4=cuatro"), kv());
  }

  @Test
  void failedImportAndFailedStagedExportChangeNothing() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("keep"));
    Files.writeString(target.resolve("part-m-00000"), "old\n");
    CliRun imp = sqoop("import", "--connect", DB.url(), "--username", "postgres", "--query",
        "SELECT id, 100 / (id - 300) AS boom FROM items WHERE $CONDITIONS", "-m", "1", "--fetch-size", "10",
        "--target-dir", target.toString(), "--delete-target-dir");
    assertEquals(1, imp.exit, imp.toString());
    assertTrue(imp.err.contains("division by zero"), imp.err);
    assertEquals("old\n", Files.readString(target.resolve("part-m-00000")));

    exec("DELETE FROM kv");
    exec("CREATE TABLE kv_stage2 (k INT PRIMARY KEY, v VARCHAR(20))");
    Path in = keyValueLines("badkv", "data.txt", 30, 25, "x25,not a number");
    CliRun exp = sqoop("export", "-D", "sqoop.export.records.per.statement=5", "-D", "sqoop.export.statements.per.transaction=1",
        "--connect", DB.url(), "--username", "postgres", "--table", "kv", "--staging-table", "kv_stage2", "--export-dir", in.toString());
    assertEquals(1, exp.exit, exp.toString());
    assertTrue(exp.err.contains("data.txt:25: column k: 'x25' is not an INTEGER"), exp.err);
    assertEquals(List.of(), kv());
  }
}
