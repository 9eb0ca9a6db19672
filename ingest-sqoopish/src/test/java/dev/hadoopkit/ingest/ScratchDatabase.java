package dev.hadoopkit.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test class's own database on the MariaDB or PostgreSQL in use ({@link TestDatabases}): created with a unique
 * name and filled by the class's set-up before its first test, dropped after its last.
 * <pre>
 * &#64;RegisterExtension
 * static final ScratchDatabase DB = ScratchDatabase.mariaDb("hk_it_x", (c, s) -&gt; s.execute("CREATE TABLE t (id INT)"));
 * </pre>
 */
public final class ScratchDatabase implements BeforeAllCallback, AfterAllCallback {
  /** The tables and rows a test class starts with. */
  @FunctionalInterface
  public interface Setup {
    void fill(Connection connection, Statement statement) throws Exception;
  }

  /** Which server. */
  public enum Kind { MARIADB, POSTGRES }

  private final Kind kind;
  private final String prefix;
  private final Setup setup;
  private String name;
  private String url;

  private ScratchDatabase(Kind kind, String prefix, Setup setup) {
    this.kind = kind;
    this.prefix = prefix;
    this.setup = setup;
  }

  public static ScratchDatabase mariaDb(String prefix, Setup setup) {
    return new ScratchDatabase(Kind.MARIADB, prefix, setup);
  }

  public static ScratchDatabase postgres(String prefix, Setup setup) {
    return new ScratchDatabase(Kind.POSTGRES, prefix, setup);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    name = TestDatabases.uniqueName(prefix);
    url = kind == Kind.MARIADB ? TestDatabases.createMariaDb(name) : TestDatabases.createPostgres(name);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      setup.fill(c, s);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (name == null) {
      return;
    }
    if (kind == Kind.MARIADB) {
      TestDatabases.dropMariaDb(name);
    } else {
      TestDatabases.dropPostgres(name);
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The database's name. */
  public String name() {
    return name;
  }

  /** Its Sqoop-style JDBC URL (jdbc:mysql: or jdbc:postgresql:). */
  public String url() {
    return url;
  }

  /** The user the tests connect as: root on MariaDB, postgres on PostgreSQL. */
  public String user() {
    return kind == Kind.MARIADB ? "root" : "postgres";
  }

  public Connection connect() throws SQLException {
    return kind == Kind.MARIADB ? TestDatabases.mariaDb(name) : TestDatabases.postgres(name);
  }

  /** Runs one statement. */
  public void exec(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The rows of {@code table}. */
  public long count(String table) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
