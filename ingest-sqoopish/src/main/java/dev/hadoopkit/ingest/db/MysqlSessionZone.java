package dev.hadoopkit.ingest.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether an import's task connections may name UTC as their session time zone ({@code time_zone='+00:00'}) instead
 * of the server's {@code SYSTEM} zone: when that zone is UTC, TIMESTAMP values and every time function read the same,
 * and the server converts each TIMESTAMP with its own offset arithmetic instead of the C library's {@code
 * localtime_r}, about 8 % of its CPU for the ratings table (docs/benchmarks.md). A session or URL that chose its own
 * zone or session variables keeps them.
 */
public final class MysqlSessionZone {
  /** The MariaDB Connector/J setting the task connections get. */
  public static final Map<String, String> UTC_SESSION = Map.of("sessionVariables", "time_zone='+00:00'");

  /** Names of UTC the server reports as {@code @@system_time_zone}. */
  private static final Set<String> UTC_NAMES = Set.of("UTC", "GMT", "ETC/UTC", "ETC/GMT", "UCT", "UNIVERSAL", "ZULU",
      "COORDINATED UNIVERSAL TIME");

  private MysqlSessionZone() {
  }

  /** True when {@code connection}'s session zone is the server's SYSTEM zone and that zone is UTC. */
  public static boolean systemZoneIsUtc(Connection connection, ConnectionSpec spec) {
    if (spec.url().contains("sessionVariables") || spec.params().containsKey("sessionVariables")) {
      return false;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT @@session.time_zone, @@system_time_zone")) {
      return rs.next() && "SYSTEM".equalsIgnoreCase(rs.getString(1))
          && rs.getString(2) != null && UTC_NAMES.contains(rs.getString(2).trim().toUpperCase(Locale.ROOT));
    } catch (SQLException e) {
      // A server without these variables: keep its own session zone.
      return false;
    }
  }
}
