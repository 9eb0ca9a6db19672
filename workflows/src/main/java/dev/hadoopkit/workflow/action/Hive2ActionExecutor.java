package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.Path;

/**
 * The hive2 action as "a script over a JDBC URL": the {@code <script>} (relative to the app) or {@code <query>} is
 * split into statements and run in order over {@code <jdbc-url>} (MariaDB/MySQL, PostgreSQL, or any driver on the
 * classpath), with Hive-style {@code ${NAME}} substitution from {@code <param>NAME=VALUE</param>}. Query results go to
 * the action's stdout, tab-separated. The user is {@code user=} of the URL, else the property {@code hk.hive2.user}
 * of the action configuration, else the workflow user; {@code <password>} is never logged.
 */
final class Hive2ActionExecutor implements ActionExecutor {

  @Override
  public String type() {
    return "hive2";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws Exception {
    ActionBody.Hive2 body = context.body(ActionBody.Hive2.class);
    String url = body.jdbcUrl();
    String script = body.query();
    if (script == null) {
      Path path = new Path(body.script());
      if (!path.isAbsolute() && path.toUri().getScheme() == null) {
        path = new Path(context.appPath(), path.toString());
      }
      try (InputStream in = path.getFileSystem(context.conf()).open(path)) {
        script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        return ActionOutcome.error(RunErrorCode.HIVE2_SCRIPT, "cannot read script " + path + ": " + e.getMessage());
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String text : body.params()) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        return ActionOutcome.failed(RunErrorCode.HIVE2_PARAM, "param [" + text + "] is not NAME=VALUE");
      }
      params.put(text.substring(0, eq), text.substring(eq + 1));
    }
    for (Map.Entry<String, String> p : params.entrySet()) {
      script = script.replace("${" + p.getKey() + "}", p.getValue())
          .replace("${hivevar:" + p.getKey() + "}", p.getValue());
    }
    Properties login = new Properties();
    if (!url.contains("user=")) {
      String user = context.conf().get("hk.hive2.user");
      login.setProperty("user", user != null ? user : context.workflowConf().getOrDefault("user.name", ""));
    }
    String password = body.password();
    if (password != null) {
      login.setProperty("password", password);
    }
    Files.createDirectories(context.workDir());
    List<String> statements = split(script);
    int done = 0;
    try (Connection connection = DriverManager.getConnection(url, login);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(context.workDir().resolve("stdout")));
        Statement statement = connection.createStatement()) {
      context.cancellation().onCancel(() -> {
        try {
          statement.cancel();
        } catch (SQLException ignored) {
          // the statement may have finished
        }
      });
      for (String sql : statements) {
        if (context.cancellation().isCancelled()) {
          return ActionOutcome.error(RunErrorCode.KILLED, "cancelled after " + done + " statements");
        }
        try {
          if (statement.execute(sql)) {
            try (ResultSet rows = statement.getResultSet()) {
              print(rows, out);
            }
          }
        } catch (SQLException e) {
          return ActionOutcome.error(RunErrorCode.HIVE2_SQL, "statement " + (done + 1) + " of " + statements.size()
              + " failed (SQLState " + e.getSQLState() + "): " + e.getMessage() + " -- statement: "
              + abbreviate(sql));
        }
        done++;
      }
    } catch (SQLException e) {
      return ActionOutcome.error(RunErrorCode.HIVE2_CONNECT, "cannot connect to " + url.replaceAll("password=[^&;]*",
          "password=***") + ": " + e.getMessage());
    }
    return ActionOutcome.ok(Map.of("statements", String.valueOf(done)));
  }

  private static void print(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    while (rows.next()) {
      StringBuilder line = new StringBuilder();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        if (c > 1) {
          line.append('\t');
        }
        line.append(rows.getString(c));
      }
      out.println(line);
    }
  }

  private static String abbreviate(String sql) {
    String one = sql.replaceAll("\\s+", " ").trim();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }

  /** Splits a script at semicolons outside quotes, dropping {@code --} comment lines and empty statements. */
  static List<String> split(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote == 0 && c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? script.length() : end;
        current.append('\n');
        continue;
      }
      if (quote == 0 && (c == '\'' || c == '"' || c == '`')) {
        quote = c;
      } else if (quote == c) {
        quote = 0;
      }
      if (c == ';' && quote == 0) {
        if (!current.toString().isBlank()) {
          out.add(current.toString().trim());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().trim());
    }
    return out;
  }
}
