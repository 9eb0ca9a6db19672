package dev.hadoopkit.ingest.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.db.ConnectionSpec;
import dev.hadoopkit.ingest.db.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** Builds the connection and resolves the password from Sqoop's connection options. */
public final class ConnectionOptions {
  /** Sqoop 1.4.7's words for a password typed on the command line. */
  /** pgjdbc's connection parameter that sets search_path. */
  public static final String POSTGRES_SCHEMA_PARAM = "currentSchema";

  public static final String PASSWORD_WARNING = "Setting your password on the command-line is insecure. Consider using -P instead.";

  private ConnectionOptions() {
  }

  public static ConnectionSpec spec(Args args, Console console) {
    Map<String, String> params = new LinkedHashMap<>();
    if (args.has("connection-param-file")) {
      Properties p = new Properties();
      Path file = Path.of(args.get("connection-param-file"));
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UsageException("Cannot read --connection-param-file " + file + ": " + e.getMessage());
      }
      for (String name : p.stringPropertyNames()) {
        params.put(name, p.getProperty(name));
      }
    }
    StringBuilder warnings = new StringBuilder();
    String schema = extraSchema(args, warnings);
    if (schema != null) {
      if (Dialect.forUrl(String.valueOf(args.get("connect"))) != Dialect.POSTGRESQL) {
        throw new UsageException("-- --schema " + schema + " applies to PostgreSQL connections only; in MySQL/MariaDB "
            + "the database in --connect is the schema (or write --table db.table)");
      }
      // pgjdbc sets search_path to this schema on every connection, the tasks' too: unqualified tables resolve there.
      params.put(POSTGRES_SCHEMA_PARAM, schema);
    }
    ConnectionSpec spec = ConnectionSpec.of(args.get("connect"), args.get("driver"), args.get("username"), params,
        args.getInt("fetch-size"), args.has("relaxed-isolation"), warnings);
    console.warnLines(warnings);
    return spec;
  }

  /**
   * Sqoop's manager-specific arguments after a lone {@code --}: {@code --schema NAME} (PostgreSQL). Anything else
   * there is named in a warning (Sqoop's direct MySQL tools passed it to mysqldump; this build has none to pass it to).
   */
  static String extraSchema(Args args, StringBuilder warnings) {
    List<String> extra = args.extra();
    String schema = null;
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < extra.size(); i++) {
      String token = extra.get(i);
      if (token.equals("--schema")) {
        if (i + 1 >= extra.size() || extra.get(i + 1).isBlank()) {
          throw new UsageException("Missing the schema name after -- --schema");
        }
        schema = extra.get(++i);
      } else if (token.startsWith("--schema=")) {
        schema = token.substring("--schema=".length());
      } else {
        ignored.add(token);
      }
    }
    if (!ignored.isEmpty()) {
      warnings.append("Ignoring the extra arguments after --: ").append(String.join(" ", ignored))
          .append(" (only --schema NAME is understood there)\n");
    }
    return schema;
  }

  /** The password from exactly one of --password, -P, --password-file, --password-alias; null when none is given. */
  public static char[] password(Args args, Configuration conf, Console console) {
    int sources = (args.has("password") ? 1 : 0) + (args.has("P") ? 1 : 0) + (args.has("password-file") ? 1 : 0)
        + (args.has("password-alias") ? 1 : 0);
    if (sources > 1) {
      throw new UsageException("Give only one of --password, -P, --password-file and --password-alias");
    }
    if (args.has("password")) {
      console.warn(PASSWORD_WARNING);
      return args.get("password").toCharArray();
    }
    if (args.has("P")) {
      java.io.Console terminal = System.console();
      if (terminal != null) {
        char[] typed = terminal.readPassword("Enter password: ");
        if (typed == null) {
          throw new UsageException("No password entered for -P");
        }
        return typed;
      }
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          throw new UsageException("-P needs a password on the console or on standard input");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new UsageException("Cannot read the password for -P: " + e.getMessage());
      }
    }
    if (args.has("password-file")) {
      return readPasswordFile(args.get("password-file"), conf);
    }
    if (args.has("password-alias")) {
      String alias = args.get("password-alias");
      try {
        char[] secret = conf.getPassword(alias);
        if (secret == null) {
          throw new UsageException("Cannot find --password-alias " + alias
              + " in the credential providers (set -Dhadoop.security.credential.provider.path=jceks://file/...)");
        }
        return secret;
      } catch (IOException e) {
        throw new IngestException("Cannot read --password-alias " + alias + ": " + e.getMessage());
      }
    }
    return null;
  }

  /** Reads a password file from any Hadoop file system; one trailing newline is dropped. */
  static char[] readPasswordFile(String location, Configuration conf) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    try {
      FileSystem fs = path.getFileSystem(conf);
      byte[] bytes;
      try (InputStream in = fs.open(path)) {
        bytes = in.readAllBytes();
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.endsWith("\r\n")) {
        text = text.substring(0, text.length() - 2);
      } else if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      return text.toCharArray();
    } catch (IOException e) {
      throw new UsageException("Cannot read --password-file " + location + ": " + e.getMessage());
    }
  }
}
