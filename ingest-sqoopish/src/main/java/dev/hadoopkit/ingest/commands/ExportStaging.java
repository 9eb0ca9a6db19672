package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.exports.ExportTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/** An export's --staging-table: checked (or emptied) before the job, moved into the target in one transaction after. */
final class ExportStaging {
  private ExportStaging() {
  }

  static void prepare(Connection connection, Dialect dialect, String staging, boolean clear, Session session) {
    try (Statement s = connection.createStatement()) {
      if (clear) {
        s.executeUpdate("DELETE FROM " + dialect.quoteTable(staging));
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        return;
      }
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM " + dialect.quoteTable(staging) + " LIMIT 1")) {
        if (rs.next()) {
          throw new IngestException("Staging table " + staging + " is not empty: add --clear-staging-table to empty it first");
        }
      }
    } catch (SQLException e) {
      throw new IngestException("Cannot prepare staging table " + staging + ": " + session.scrub(e.getMessage()), e);
    }
  }

  /** Moves the staged rows into the target in one transaction, then empties the staging table. */
  static long moveIntoTarget(Session session, Dialect dialect, ExportTarget target, String staging, Console console) {
    String columns = target.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    String move;
    switch (target.mode()) {
      case UPDATE_ONLY:
        move = dialect.updateFromStagingSql(target.table(), staging, target.columns(), target.updateKeys());
        break;
      case UPSERT:
        move = "INSERT INTO " + dialect.quoteTable(target.table()) + " (" + columns + ") SELECT " + columns + " FROM "
            + dialect.quoteTable(staging) + dialect.upsertSuffix(target.columns(), target.updateKeys());
        break;
      default:
        move = "INSERT INTO " + dialect.quoteTable(target.table()) + " (" + columns + ") SELECT " + columns + " FROM "
            + dialect.quoteTable(staging);
    }
    try (Connection connection = session.open(); Statement s = connection.createStatement()) {
      connection.setAutoCommit(false);
      long staged;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + dialect.quoteTable(staging))) {
        rs.next();
        staged = rs.getLong(1);
      }
      try {
        s.executeUpdate(move);
        s.executeUpdate("DELETE FROM " + dialect.quoteTable(staging));
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw new IngestException("Cannot move rows from staging table " + staging + " to " + target.table() + ": "
            + session.scrub(e.getMessage()) + ". Table " + target.table() + " was not changed; the rows stay in " + staging + ".", e);
      }
      console.info("Migrated " + staged + " records from staging table " + staging + " to " + target.table() + ".");
      return staged;
    } catch (SQLException e) {
      throw new IngestException("Cannot move rows from staging table " + staging + ": " + session.scrub(e.getMessage()), e);
    }
  }
}
