package dev.hadoopkit.ingest.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Sqoop 1.4.7 options this build does not implement, with why and what to use instead, so that they do not read like a
 * typo ("Unrecognized option"). Options nobody ever had get the closest option of the tool as a hint.
 */
final class UnsupportedOptions {
  private static final String HBASE = "HBase imports are not part of this build: import to files (e.g. --as-parquetfile "
      + "--target-dir DIR) and load them with HBase's ImportTsv or a bulk load";
  private static final String ACCUMULO = "Accumulo imports are not part of this build: import to files (--target-dir DIR) "
      + "and load them with Accumulo's bulk import";
  private static final String HCATALOG = "HCatalog is not part of this build: import to a directory with --target-dir and "
      + "create the table over it ('sqoop create-hive-table ... --external-table-dir DIR' prints the statement)";
  private static final String VALIDATE_IMPORT = "row-count validation is not run: compare the 'Retrieved N records.' line "
      + "(imports) or 'Exported N records.' (exports) with SELECT COUNT(*) on the table; the counts come from the job's "
      + "counters, and a failed task fails the whole run";

  private static final Map<String, String> REASONS = table();

  private UnsupportedOptions() {
  }

  private static Map<String, String> table() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : new String[] {"hbase-table", "column-family", "hbase-row-key", "hbase-create-table", "hbase-bulkload",
        "hbase-null-incremental-mode"}) {
      m.put(name, HBASE);
    }
    for (String name : new String[] {"accumulo-table", "accumulo-column-family", "accumulo-row-key", "accumulo-visibility",
        "accumulo-create-table", "accumulo-batch-size", "accumulo-max-latency", "accumulo-zookeepers", "accumulo-instance",
        "accumulo-user", "accumulo-password"}) {
      m.put(name, ACCUMULO);
    }
    for (String name : new String[] {"hcatalog-home", "create-hcatalog-table", "drop-and-create-hcatalog-table",
        "hcatalog-storage-stanza", "hcatalog-partition-keys", "hcatalog-partition-values"}) {
      m.put(name, HCATALOG);
    }
    for (String name : new String[] {"validate", "validator", "validation-threshold", "validation-failurehandler"}) {
      m.put(name, VALIDATE_IMPORT);
    }
    m.put("temporary-rootdir", "every import writes into a hidden sibling of its target directory "
        + "(.TARGET.hk-import-*) and renames it into place, so no temporary root is needed; drop the option");
    m.put("schema", "PostgreSQL's schema goes after a lone --, as in Sqoop: ... -- --schema NAME");
    m.put("metadata-transaction-isolation-level", "metadata queries run in the connection's default isolation; drop the option");
    m.put("oracle-escaping-disabled", "this build connects to MySQL/MariaDB and PostgreSQL only");
    m.put("throw-on-error", "every failure already stops the run with exit code 1");
    m.put("external-table-dir", "--hive-import is not run by this build: import with --target-dir DIR, then run the "
        + "statement of 'sqoop create-hive-table ... --external-table-dir DIR'");
    m.put("escape-mapping-column-names", "column names are always used as the database spells them; drop the option");
    return m;
  }

  /** Why a Sqoop 1.4.7 option is not supported, or empty for a name Sqoop 1.4.7 did not have. */
  public static Optional<String> reason(String option) {
    return Optional.ofNullable(REASONS.get(option.replaceFirst("^--?", "")));
  }

  /** The one-line message for an unrecognized {@code option} of {@code tool}. */
  public static String message(String tool, String option, Options options) {
    Optional<String> reason = reason(option);
    if (reason.isPresent()) {
      return option + " is a Sqoop 1.4.7 option this tool does not support: " + reason.get();
    }
    String closest = closest(option.replaceFirst("^--?", ""), options);
    return "Unrecognized option: " + option + (closest == null ? "" : " (did you mean --" + closest + "?)")
        + ". Run 'sqoop help " + tool + "' for its options.";
  }

  /** The long option nearest by edit distance, when near enough to be a typo (a third of the name, at least 2). */
  static String closest(String name, Options options) {
    String best = null;
    int bestDistance = Math.max(2, name.length() / 3) + 1;
    for (Option o : options.getOptions()) {
      if (o.getLongOpt() == null) {
        continue;
      }
      int d = distance(name, o.getLongOpt());
      if (d < bestDistance) {
        bestDistance = d;
        best = o.getLongOpt();
      }
    }
    return best;
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
