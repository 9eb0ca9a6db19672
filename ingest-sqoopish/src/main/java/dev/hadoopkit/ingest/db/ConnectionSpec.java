package dev.hadoopkit.ingest.db;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.IngestException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;

/**
 * Where and as whom to connect: the JDBC URL as the user wrote it, the dialect, the user name and connection
 * parameters. The password is never part of this object's configuration form: it travels in the job's
 * {@link Credentials} (a secret key), so it stays out of job.xml, logs and the metastore.
 */
public final class ConnectionSpec {
  /** The alias of the password in the job credentials (not a configuration key). */
  public static final Text PASSWORD_ALIAS = new Text(IngestKeys.CONNECT_PASSWORD_ALIAS);

  /** Driver class names people pass with --driver, mapped to the dialect whose bundled driver serves them. */
  private static final Map<String, Dialect> KNOWN_DRIVERS = Map.of(
      "com.mysql.jdbc.Driver", Dialect.MYSQL,
      "com.mysql.cj.jdbc.Driver", Dialect.MYSQL,
      "org.mariadb.jdbc.Driver", Dialect.MYSQL,
      "org.postgresql.Driver", Dialect.POSTGRESQL);

  private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)(password|pwd)=[^&;]*");

  private final String url;
  private final Dialect dialect;
  private final String username;
  private final Map<String, String> params;
  private final int fetchSize;
  private final boolean relaxedIsolation;

  private ConnectionSpec(String url, Dialect dialect, String username, Map<String, String> params, int fetchSize,
      boolean relaxedIsolation) {
    this.url = url;
    this.dialect = dialect;
    this.username = username;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.fetchSize = fetchSize;
    this.relaxedIsolation = relaxedIsolation;
  }

  /**
   * Validates a Sqoop connection: the URL must be a supported JDBC URL; a --driver must agree with it.
   *
   * @param warnings receives notes about mapped driver classes
   */
  public static ConnectionSpec of(String url, String driver, String username, Map<String, String> params,
      Integer fetchSize, boolean relaxedIsolation, StringBuilder warnings) {
    if (url == null || url.isBlank()) {
      throw new UsageException("Missing --connect: give a JDBC URL such as jdbc:mysql://localhost/movielens or jdbc:postgresql://localhost/movielens");
    }
    Dialect dialect = Dialect.forUrl(url);
    if (dialect == null) {
      throw new UsageException("Cannot use --connect " + redact(url)
          + ": this build supports jdbc:mysql:, jdbc:mariadb: and jdbc:postgresql: URLs");
    }
    if (driver != null) {
      Dialect byDriver = KNOWN_DRIVERS.get(driver);
      if (byDriver == null) {
        // Sqoop fails on a driver class it cannot load; silently using another driver would hide a typo.
        throw new UsageException("Cannot use --driver " + driver + ": this build bundles MariaDB Connector/J and pgjdbc, "
            + "reached as " + String.join(", ", new java.util.TreeSet<>(KNOWN_DRIVERS.keySet()))
            + "; use " + dialect.driverClass() + " for " + dialect.urlPrefix() + " URLs, or drop --driver");
      } else if (byDriver != dialect) {
        throw new UsageException("Invalid --driver " + driver + " for --connect " + redact(url)
            + ": that driver is for " + byDriver.urlPrefix() + " URLs; drop --driver or use " + dialect.driverClass());
      } else if (!driver.equals(dialect.driverClass())) {
        warnings.append("Driver class ").append(driver).append(" is served by the bundled ").append(dialect.driverClass())
            .append(".\n");
      }
    }
    if (fetchSize != null && fetchSize <= 0) {
      throw new UsageException("Invalid --fetch-size " + fetchSize + ": give a positive number of rows");
    }
    return new ConnectionSpec(url, dialect, username, params == null ? Map.of() : params,
        fetchSize == null ? IngestKeys.DEFAULT_FETCH_SIZE : fetchSize, relaxedIsolation);
  }

  public String url() {
    return url;
  }

  public Dialect dialect() {
    return dialect;
  }

  public String username() {
    return username;
  }

  public Map<String, String> params() {
    return params;
  }

  public int fetchSize() {
    return fetchSize;
  }

  public boolean relaxedIsolation() {
    return relaxedIsolation;
  }

  /** The URL the bundled driver accepts (jdbc:mysql: is served by the MariaDB driver). */
  public String jdbcUrl() {
    if (url.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length())) {
      return "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
    }
    return url;
  }

  /** The URL with any password parameter masked, for messages. */
  public String displayUrl() {
    return redact(url);
  }

  public static String redact(String text) {
    return text == null ? null : SECRET_IN_URL.matcher(text).replaceAll("$1=*****");
  }

  /** Opens a connection; a failure becomes one line naming the URL and user (never the password). */
  public Connection open(char[] password, Map<String, String> extraParams) {
    Properties properties = new Properties();
    properties.putAll(params);
    if (extraParams != null) {
      properties.putAll(extraParams);
    }
    if (username != null) {
      properties.setProperty("user", username);
    }
    if (password != null) {
      properties.setProperty("password", new String(password));
    }
    try {
      Class.forName(dialect.driverClass());
      Connection connection = DriverManager.getConnection(jdbcUrl(), properties);
      if (relaxedIsolation) {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
      }
      return connection;
    } catch (ClassNotFoundException e) {
      throw new IngestException("Cannot load JDBC driver " + dialect.driverClass() + ": it is missing from the classpath");
    } catch (SQLException e) {
      throw new IngestException("Cannot connect to " + displayUrl() + (username == null ? "" : " as user " + username)
          + ": " + scrub(e.getMessage(), password) + " (check --connect, --username and the password, and that the server is running)", e);
    }
  }

  /** Removes a password from a driver message in case the driver echoed it. */
  public static String scrub(String message, char[] password) {
    if (message == null) {
      return "unknown error";
    }
    String out = redact(message);
    if (password != null && password.length > 2) {
      out = out.replace(new String(password), "*****");
    }
    return out.replace('\n', ' ').trim();
  }

  /** Writes everything but the password into {@code conf}. */
  public void store(Configuration conf) {
    conf.set(IngestKeys.CONNECT_URL, url);
    if (username != null) {
      conf.set(IngestKeys.CONNECT_USERNAME, username);
    }
    conf.setInt(IngestKeys.CONNECT_FETCH_SIZE, fetchSize);
    conf.setBoolean(IngestKeys.CONNECT_RELAXED_ISOLATION, relaxedIsolation);
    for (Map.Entry<String, String> e : params.entrySet()) {
      conf.set(IngestKeys.CONNECT_PARAM_PREFIX + e.getKey(), e.getValue());
    }
  }

  /** Puts the password into the job credentials (binary token file, never job.xml). */
  public static void storePassword(Credentials credentials, char[] password) {
    if (password != null) {
      credentials.addSecretKey(PASSWORD_ALIAS, new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Stores the password in the job's credentials and notes in the configuration that one is there. */
  public static void storePassword(org.apache.hadoop.mapreduce.Job job, char[] password) {
    storePassword(job.getCredentials(), password);
    job.getConfiguration().setBoolean(IngestKeys.CONNECT_PASSWORD_EXPECTED, password != null);
  }

  /**
   * Works around a race in Hadoop's LocalJobRunner: {@code submitJob} starts the job's thread before it hands the job
   * its Credentials, and each task copies the Credentials it finds when it starts, so a task could run without the
   * password ("using password: NO"). The output committer's {@code setupJob} runs on that thread before any task is
   * created, and calls this: it waits (at most 30 s) until the password has arrived in the live job configuration.
   * On YARN the credentials are there from the start and this returns at once.
   */
  public static void awaitPassword(org.apache.hadoop.mapreduce.JobContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    if (!conf.getBoolean(IngestKeys.CONNECT_PASSWORD_EXPECTED, false) || !(conf instanceof org.apache.hadoop.mapred.JobConf job)) {
      return;
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (loadPassword(job.getCredentials()) == null && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while waiting for the job's credentials", e);
      }
    }
  }

  public static char[] loadPassword(Credentials credentials) {
    byte[] secret = credentials == null ? null : credentials.getSecretKey(PASSWORD_ALIAS);
    return secret == null ? null : new String(secret, java.nio.charset.StandardCharsets.UTF_8).toCharArray();
  }

  public static ConnectionSpec load(Configuration conf) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : conf.getPropsWithPrefix(IngestKeys.CONNECT_PARAM_PREFIX).entrySet()) {
      params.put(e.getKey(), e.getValue());
    }
    String url = conf.get(IngestKeys.CONNECT_URL);
    Dialect dialect = Dialect.forUrl(url);
    return new ConnectionSpec(url, dialect, conf.get(IngestKeys.CONNECT_USERNAME), params, conf.getInt(IngestKeys.CONNECT_FETCH_SIZE,
        IngestKeys.DEFAULT_FETCH_SIZE),
        conf.getBoolean(IngestKeys.CONNECT_RELAXED_ISOLATION, false));
  }

  /** The database name at the end of the URL path, for messages and default paths. */
  public String databaseName() {
    String rest = url.replaceFirst("(?i)^jdbc:[a-z]+://", "");
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return "";
    }
    String db = rest.substring(slash + 1);
    int end = db.length();
    for (char c : new char[] {'?', ';'}) {
      int i = db.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return db.substring(0, end).toLowerCase(Locale.ROOT).isEmpty() ? "" : db.substring(0, end);
  }
}
