package dev.hadoopkit.ingest.testdb;

/**
 * One database server the tests use: where it listens, the administrator account, and whether it is the local
 * service or one this JVM started. Immutable.
 */
public record DbServer(Product product, String host, int port, String adminUser, boolean embedded) {

  /** The two products the ITs run against, with their local service's address and account. */
  public enum Product {
    MARIADB("MariaDB", 3306, "root", "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"),
    POSTGRESQL("PostgreSQL", 5432, "postgres",
        "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");

    private final String displayName;
    private final int localPort;
    private final String adminUser;
    private final String startCommand;

    Product(String displayName, int localPort, String adminUser, String startCommand) {
      this.displayName = displayName;
      this.localPort = localPort;
      this.adminUser = adminUser;
      this.startCommand = startCommand;
    }

    public String displayName() {
      return displayName;
    }

    public int localPort() {
      return localPort;
    }

    public String adminUser() {
      return adminUser;
    }

    /** How to start the local service when it is down. */
    public String startCommand() {
      return startCommand;
    }
  }

  /** {@code host:port}, e.g. {@code 127.0.0.1:3306}. */
  public String address() {
    return host + ":" + port;
  }

  /**
   * A JDBC URL for {@code database} (may be empty: the server itself) in this product's own scheme:
   * {@code jdbc:mariadb:} or {@code jdbc:postgresql:}.
   */
  public String jdbcUrl(String database) {
    return switch (product) {
      case MARIADB -> "jdbc:mariadb://" + address() + "/" + database;
      case POSTGRESQL -> "jdbc:postgresql://" + address() + "/" + database;
    };
  }

  /** How a Sqoop user spells the URL: {@code jdbc:mysql:} for MariaDB, {@code jdbc:postgresql:} otherwise. */
  public String sqoopUrl(String database) {
    return switch (product) {
      case MARIADB -> "jdbc:mysql://" + address() + "/" + database;
      case POSTGRESQL -> jdbcUrl(database);
    };
  }

  @Override
  public String toString() {
    return (embedded ? "embedded " : "local ") + product.displayName() + " at " + address();
  }
}
