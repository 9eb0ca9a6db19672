package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.ConnectionOptions;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.db.ConnectionSpec;
import java.sql.Connection;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** The connection of one command run: spec plus the password, held in memory only. */
final class Session {
  private final ConnectionSpec spec;
  private final char[] password;

  private Session(ConnectionSpec spec, char[] password) {
    this.spec = spec;
    this.password = password;
  }

  static Session from(Args args, Configuration conf, Console console) {
    ConnectionSpec spec = ConnectionOptions.spec(args, console);
    char[] password = ConnectionOptions.password(args, conf, console);
    return new Session(spec, password);
  }

  ConnectionSpec spec() {
    return spec;
  }

  char[] password() {
    return password;
  }

  Connection open() {
    return spec.open(password, Map.of());
  }

  Connection open(Map<String, String> extraParams) {
    return spec.open(password, extraParams);
  }

  /** A driver message with any echo of the password removed. */
  String scrub(String message) {
    return ConnectionSpec.scrub(message, password);
  }
}
