package dev.hadoopkit.ingest.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Test rows with every awkward value: NULLs in every column (also the split column {@code grp}), unicode, delimiters,
 * quotes, newlines and backslashes inside strings, decimals, dates and millisecond timestamps. The expected Sqoop text
 * is computed from these Java values, not read back from the database.
 */
final class ItemsTable {
  static final int ROWS = 500;

  static final class Item {
    final int id;
    final String name;
    final BigDecimal price;
    final LocalDate born;
    final LocalDateTime seen;
    final Boolean flag;
    final Double score;
    final Integer grp;

    Item(int i) {
      id = i;
      switch (i % 7) {
        case 0: name = null; break;
        case 1: name = "comma, here " + i; break;
        case 2: name = "quote \" and 'single' " + i; break;
        case 3: name = "new\nline and\ttab " + i; break;
        case 4: name = "backslash \\ end " + i; break;
        case 5: name = "ünïcødé 日本 🎬 " + i; break;
        default: name = "plain " + i;
      }
      price = i % 5 == 0 ? null : BigDecimal.valueOf(i * 1234567L, 3);
      born = i % 6 == 0 ? null : LocalDate.of(1990, 1, 1).plusDays(i * 37L);
      seen = i % 8 == 0 ? null : LocalDateTime.of(2001, 2, 3, 4, 5, 6).plusSeconds(i * 3601L).plusNanos((i % 1000) * 1_000_000L);
      flag = i % 3 == 0 ? null : i % 2 == 0;
      score = i % 9 == 0 ? null : i / 7.0;
      grp = i % 4 == 0 ? null : i % 10;
    }

    /** Sqoop's default text for every column but name (which holds newlines). */
    String sqoopTextWithoutName() {
      return id + "," + (price == null ? "null" : price.toPlainString()) + "," + (born == null ? "null" : born.toString()) + ","
          + (seen == null ? "null" : Timestamp.valueOf(seen).toString()) + "," + (flag == null ? "null" : flag.toString()) + ","
          + (score == null ? "null" : score.toString()) + "," + (grp == null ? "null" : grp.toString());
    }
  }

  static List<Item> items() {
    List<Item> out = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      out.add(new Item(i));
    }
    return out;
  }

  static String mariaDbDdl(String table) {
    return "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(200) NULL, price DECIMAL(12,3) NULL, born DATE NULL, "
        + "seen DATETIME(3) NULL, flag TINYINT(1) NULL, score DOUBLE NULL, grp INT NULL)";
  }

  static String postgresDdl(String table) {
    return "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(200) NULL, price NUMERIC(12,3) NULL, born DATE NULL, "
        + "seen TIMESTAMP(3) NULL, flag BOOLEAN NULL, score DOUBLE PRECISION NULL, grp INT NULL)";
  }

  static void insert(Connection c, String table) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (?,?,?,?,?,?,?,?)")) {
      for (Item it : items()) {
        p.setInt(1, it.id);
        p.setString(2, it.name);
        p.setBigDecimal(3, it.price);
        p.setObject(4, it.born == null ? null : java.sql.Date.valueOf(it.born), java.sql.Types.DATE);
        p.setObject(5, it.seen == null ? null : Timestamp.valueOf(it.seen), java.sql.Types.TIMESTAMP);
        if (it.flag == null) {
          p.setNull(6, java.sql.Types.BOOLEAN);
        } else {
          p.setBoolean(6, it.flag);
        }
        if (it.score == null) {
          p.setNull(7, java.sql.Types.DOUBLE);
        } else {
          p.setDouble(7, it.score);
        }
        if (it.grp == null) {
          p.setNull(8, java.sql.Types.INTEGER);
        } else {
          p.setInt(8, it.grp);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  /** All rows of a table as text, ordered by id: the comparison for round trips. */
  static List<String> dump(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT id, name, price, born, seen, flag, score, grp FROM " + table + " ORDER BY id")) {
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
          b.append(i == 1 ? "" : "|").append(rs.getObject(i) == null ? "NULL" : String.valueOf(rs.getObject(i)));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
