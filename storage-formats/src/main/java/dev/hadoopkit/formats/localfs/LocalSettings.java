package dev.hadoopkit.formats.localfs;

import org.apache.hadoop.conf.Configuration;

/** Settings the project's local mode applies only where neither a site file nor the user chose a value. */
public final class LocalSettings {
  private LocalSettings() {
  }

  /**
   * Sets {@code key} to {@code value} (recorded as coming from {@code source}) when its current value, if any, comes
   * only from Hadoop's {@code *-default.xml} files: a cluster's and a user's own settings always win.
   */
  public static void setUnlessChosen(Configuration conf, String key, String value, String source) {
    String[] sources = conf.getPropertySources(key);
    boolean onlyDefaults = true;
    if (sources != null) {
      for (String s : sources) {
        onlyDefaults &= s.endsWith("-default.xml");
      }
    }
    if (onlyDefaults) {
      conf.set(key, value, source);
    }
  }
}
