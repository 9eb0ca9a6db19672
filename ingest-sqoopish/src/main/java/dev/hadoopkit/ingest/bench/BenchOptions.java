package dev.hadoopkit.ingest.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What one bin/ingest-bench run measures and where it finds its tools: the rows of {@code ratings_big}, the scratch
 * database, the extra formats, how many times each measurement is repeated (the median is reported), the launcher
 * under test, the mariadb client of the references, the MovieLens dump, and the document {@code --write} updates.
 */
record BenchOptions(long rows, String database, boolean parquet, boolean orc, boolean write, int repeat, Path sqoop,
    List<String> mariadb, String host, int port, String user, Path dump, Path doc, Path work) {

  /** The mariadb client command line with the connection options (no password: the bench uses a local root). */
  List<String> client(String... args) {
    List<String> command = new java.util.ArrayList<>(mariadb);
    command.addAll(List.of("-u" + user, "-h" + host, "-P" + port));
    command.addAll(List.of(args));
    return command;
  }

  /** The JDBC URL Sqoop users write for the scratch database. */
  String connectUrl() {
    return "jdbc:mysql://" + host + ":" + port + "/" + database;
  }
}
