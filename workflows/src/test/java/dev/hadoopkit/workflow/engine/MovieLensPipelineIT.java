package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command: the shipped pipeline app (workflows/examples/movielens-pipeline) run through the real
 * {@code bin/workflow} from the repo root, once against whatever server answers on 127.0.0.1:3306 and once forced onto
 * the embedded MariaDB (a port where nothing listens), as on a fresh machine.
 *
 * <pre>
 *  prepare -> database -> load -> fork(import-ratings, import-movies) -> join
 *          -> fork(lowest-rated, most-popular, ratings-breakdown) -> join -> check -> create-table -> export
 *          -> report -> stop-database -> end
 * </pre>
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MovieLensPipelineIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final String APP_PROPERTIES = "workflows/examples/movielens-pipeline/job.properties";

  @TempDir
  Path tmp;

  @Test
  void pipelineResultsMatchTheDatabaseItLoaded() throws Exception {
    String database = "hk_pipeline_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Result run = run(3306, database, 20_000);

    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("WORKFLOW  SUCCEEDED"), run.output());
    String url = run.captured("jdbcUrl");
    boolean embedded = Boolean.parseBoolean(run.captured("embedded"));
    if (embedded) {
      return; // no server on 3306: the second test covers the embedded path; nothing is left to query
    }
    try (Connection c = DriverManager.getConnection(url + database, "root", ""); Statement s = c.createStatement()) {
      Map<String, String> popular = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT r.movie_id, m.title, COUNT(*) FROM ratings r JOIN movies m"
          + " ON m.id = r.movie_id GROUP BY r.movie_id, m.title ORDER BY COUNT(*) DESC, r.movie_id LIMIT 10")) {
        while (rs.next()) {
          popular.put(rs.getString(1), rs.getString(2) + "\t" + rs.getLong(3));
        }
      }
      assertEquals(popular, read(tmp.resolve("out/results/most-popular")), "most-popular vs SQL");
      Map<String, String> exported = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT movie_id, title, ratings FROM most_popular"
          + " ORDER BY ratings DESC, movie_id")) {
        while (rs.next()) {
          exported.put(rs.getString(1), rs.getString(2) + "\t" + rs.getLong(3));
        }
      }
      assertEquals(popular, exported, "the exported table");
      Map<String, String> perStar = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT rating, COUNT(*) FROM ratings GROUP BY rating ORDER BY rating")) {
        while (rs.next()) {
          perStar.put(rs.getString(1), Long.toString(rs.getLong(2)));
        }
      }
      assertEquals(perStar, read(tmp.resolve("out/results/ratings-breakdown")), "ratings-breakdown vs SQL");
      assertTrue(run.output().contains(popular.values().iterator().next().split("\t")[0]),
          "the report prints the top movie's title\n" + run.output());
    } finally {
      try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database);
      }
    }
  }

  @Test
  void withNoServerThePipelineRunsOnAnEmbeddedDatabaseAndStopsIt() throws Exception {
    int port = freePort();
    Result run = run(port, "movielens_pipeline", 3_000);

    assertEquals(0, run.exit(), run.output());
    assertEquals("true", run.captured("embedded"), run.output());
    List<String> popular = Files.readAllLines(part(tmp.resolve("out/results/most-popular")));
    assertEquals(10, popular.size());
    assertTrue(run.output().contains("stop-database            OK"), run.output());
    String marker = "-Dhk.standalone.db=" + tmp.resolve("db");
    assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(marker)),
        "the embedded database is stopped at the end");
  }

  private Result run(int dbPort, String database, int ratings) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bin/workflow", "run", "-config", APP_PROPERTIES,
        "-D", "dbPort=" + dbPort, "-D", "database=" + database, "-D", "ratings=" + ratings,
        "-D", "outRoot=" + tmp.resolve("out"), "-D", "dbHome=" + tmp.resolve("db")));
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("console.txt").toFile());
    builder.environment().put("HK_WORKFLOW_STATE_DIR", tmp.resolve("state").toString());
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("the pipeline did not finish in 10 minutes:\n" + console());
    }
    return new Result(process.exitValue(), console());
  }

  private String console() throws IOException {
    return Files.readString(tmp.resolve("console.txt"), StandardCharsets.UTF_8);
  }

  /** The first three tab-separated columns of a job's output, keyed by the first. */
  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(part(dir))) {
      String[] f = line.split("\t");
      rows.put(f[0], f.length > 2 ? f[1] + "\t" + f[2] : f[1]);
    }
    return rows;
  }

  private static Path part(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().findFirst()
          .orElseThrow(() -> new AssertionError("no part file in " + dir));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private record Result(int exit, String output) {
    /** A key=value line the database action printed (echoed by bin/workflow as "    | key=value"). */
    String captured(String key) {
      Matcher m = Pattern.compile("(?m)^\\s+\\| " + Pattern.quote(key) + "=(.*)$").matcher(output);
      if (!m.find()) {
        throw new AssertionError("no " + key + "= in the output:\n" + output);
      }
      return m.group(1).strip();
    }
  }
}
