package dev.hadoopkit.workflow.launcher;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The launcher container's start script ({@code launcher.sh}, run by the NodeManager with bash): starts the
 * launcher's JVM, with this node's class-sharing archive of the launcher's classes when a directory for archives is
 * set ({@link YarnLauncher#CDS_DIR}).
 *
 * <p>Why: every action pays one cold JVM in its launcher, and on a small cluster that is most of an action's time
 * (class loading and verification of Hadoop's client, the engine, the action's driver and its JDBC driver). A
 * dynamic archive (JDK 13+ {@code -XX:ArchiveClassesAtExit}) recorded by the first launcher of a class path on a node
 * and mapped by the later ones removes most of it. The JDK accepts an archive only for the same jar files (it compares
 * the files: the same paths, sizes and dates), which is what the archive's name is made of: the class path, the
 * device, inode, size and date of every jar on it and of the JDK's modules file, and the JVM options. A new jar, a
 * re-localized one, another JDK: another name, recorded once.
 *
 * <p>Four JDK rules shape the class path. The archive holds the class path's entries in order, so the wildcards
 * (the cluster's {@code lib/*}) are expanded here, sorted, where the JVM would list a directory in whatever order
 * the file system returns. A later JVM checks the recorded files by their recorded names, so the jars are named by
 * their real paths (the NodeManager's cache, which outlives the container whose links recorded the archive). A class
 * loaded from a non-empty directory on the application class path
 * aborts the recording JVM, and so would one from any jar after such a directory. So with an archive the application
 * class path holds only the jars (in their order), and the directories ({@code $PWD}, the cluster's configuration)
 * follow on a class loader of their own ({@link LauncherAM} makes it the context class loader, where Hadoop's
 * Configuration and the action's main are looked up): the jars' resources come before the directories'. Without an
 * archive directory the JVM starts on the NodeManager's class path as it is.
 *
 * <p>The archive directory is the user's own (mode 700, checked before use: an archive is code the JVM maps). An
 * archive is 50–70 MB: archives unused for 7 days, and all but the 15 last used, are deleted by the next launcher
 * that records one (a use touches its archive); a record that did not complete
 * (the launcher killed, or a JVM without a base archive) is deleted and tried again by the next launcher.
 */
final class LauncherScript {
  /** Environment of the launcher's JVM: the class path before the split, for the action's own java commands. */
  static final String FULL_CLASSPATH_ENV = "HK_LAUNCHER_CLASSPATH";
  /** Environment of the launcher's JVM: the class path's directories, for the context class loader. */
  static final String DIRECTORIES_ENV = "HK_LAUNCHER_CLASSPATH_DIRS";
  /** Environment of the launcher's JVM: the archive it maps or records, and which ({@code use} or {@code record}). */
  static final String ARCHIVE_ENV = "HK_LAUNCHER_CDS_ARCHIVE";
  static final String ARCHIVE_MODE_ENV = "HK_LAUNCHER_CDS_MODE";
  /** Environment of the launcher's JVM: when the container's script started (epoch milliseconds), for its timings. */
  static final String STARTED_ENV = "HK_LAUNCHER_STARTED_MS";

  private LauncherScript() {
  }

  /**
   * The script for a JVM with these options (each passed as one word: no quote, no {@code $}, no backslash) and
   * main class; {@code archiveDir} null: no class sharing; empty: the default,
   * {@code /tmp/hadoopkit-launcher-cds-<user>}.
   */
  static String of(List<String> jvmOptions, String mainClass, String archiveDir) {
    return of(jvmOptions, mainClass, archiveDir, Map.of());
  }

  /**
   * As {@link #of(List, String, String)}, the script first writing {@code files} (name to content) into the
   * container's working directory: small staged files (the launcher's spec, the action's configuration) travel
   * inside the script, so a launch stages and localizes one file instead of three (each costs the engine an HDFS
   * create and the NodeManager a download before the container starts). The contents are base64, so nothing in
   * them reaches bash as syntax.
   */
  static String of(List<String> jvmOptions, String mainClass, String archiveDir, Map<String, byte[]> files) {
    StringBuilder java = new StringBuilder("java=(\"$JAVA_HOME/bin/java\"");
    for (String option : jvmOptions) {
      java.append(" '").append(requirePlain(option)).append('\'');
    }
    java.append(")\n");
    StringBuilder s = new StringBuilder("#!/bin/bash\n")
        .append("# hadoopkit launcher: starts the launcher's JVM (see LauncherScript)\n")
        .append("export " + STARTED_ENV + "=\"$(date +%s%3N)\"\n")
        .append(java)
        .append("main='").append(requirePlain(mainClass)).append("'\n");
    Base64.Encoder base64 = Base64.getMimeEncoder(76, new byte[] {'\n'});
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String name = file.getKey();
      if (!embeddable(name)) {
        throw new IllegalArgumentException("not a file name the launcher's script can write as is: " + name);
      }
      s.append("base64 -d > '").append(name).append("' <<'HK_LAUNCHER_FILE' || { echo 'launcher: cannot write ")
          .append(name).append("' >&2; exit 1; }\n")
          .append(base64.encodeToString(file.getValue())).append("\nHK_LAUNCHER_FILE\n");
    }
    if (archiveDir == null) {
      return s.append("exec \"${java[@]}\" \"$main\"\n").toString();
    }
    s.append(archiveDir.isEmpty() ? "dir=\"/tmp/hadoopkit-launcher-cds-$(id -un)\"\n"
        : "dir='" + requirePlain(archiveDir) + "'\n");
    s.append("""
        if ! { mkdir -p -m 700 "$dir" 2>/dev/null && [ "$(stat -c %u:%a "$dir")" = "$(id -u):700" ]; }; then
          echo "launcher: no class sharing, $dir is not a directory of $(id -un)'s alone (mode 700)" >&2
          exec "${java[@]}" "$main"
        fi
        export HK_LAUNCHER_CLASSPATH="$CLASSPATH"
        dirs=; files=()
        IFS=: read -r -a entries <<< "$CLASSPATH"
        for e in "${entries[@]}"; do
          if [ -z "$e" ]; then continue; fi
          if [ -d "$e" ]; then dirs="$dirs:$e"; continue; fi
          case "$e" in
            *'/*') for f in "${e%'*'}"*.jar "${e%'*'}"*.JAR; do if [ -f "$f" ]; then files+=("$f"); fi; done ;;
            *) files+=("$e") ;;
          esac
        done
        mapfile -t files < <(realpath -e -- "${files[@]}" 2>/dev/null)
        CLASSPATH=$(IFS=:; printf '%s' "${files[*]}")
        export CLASSPATH HK_LAUNCHER_CLASSPATH_DIRS="${dirs#:}"
        identity=$( { printf '%s\n' "${java[*]:1}" "${files[@]}"
          stat -L -c '%d %i %s %Y %n' -- "${files[@]}" "$JAVA_HOME/lib/modules"; } 2>/dev/null)
        key=$(printf '%s\n' "$identity" | cksum | tr ' ' -)
        archive="$dir/launcher-$key.jsa"
        export HK_LAUNCHER_CDS_ARCHIVE="$archive"
        if [ -s "$archive" ]; then
          export HK_LAUNCHER_CDS_MODE=use
          touch -c "$archive" 2>/dev/null
          exec "${java[@]}" -XX:SharedArchiveFile="$archive" "$main"
        fi
        find "$dir" -maxdepth 1 -name 'launcher-*' -mtime +7 -delete 2>/dev/null
        ls -1t "$dir"/launcher-*.jsa 2>/dev/null | tail -n +16 | while read -r old; do
          rm -f "$old" "${old%.jsa}.txt"
        done
        record="$archive.${CONTAINER_ID:-$$}.tmp"
        export HK_LAUNCHER_CDS_MODE=record
        "${java[@]}" -XX:ArchiveClassesAtExit="$record" -Xlog:cds=error "$main"
        rc=$?
        if [ "$rc" -eq 0 ] && [ -s "$record" ]; then
          printf '%s\n' "$identity" > "${archive%.jsa}.txt" && mv -f "$record" "$archive"
        else
          rm -f "$record"
        fi
        exit "$rc"
        """);
    return s.toString();
  }

  /**
   * A configured archive directory as {@link #of} takes it: empty (the default one) or an absolute path the script
   * can quote as is.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static String archiveDirectory(String configured) {
    String dir = configured == null ? "" : configured.trim();
    if (!plain(dir)) {
      throw new IllegalArgumentException("must be a path without quotes, $, ` or backslashes, not " + dir);
    }
    if (!dir.isEmpty() && !dir.startsWith("/")) {
      throw new IllegalArgumentException("must be an absolute path (each node's own disk), not " + dir);
    }
    return dir;
  }

  /** Whether {@link #of(List, String, String, Map)} can write a file of this name: plain, in the working directory. */
  static boolean embeddable(String name) {
    return !name.isEmpty() && plain(name) && !name.contains("/") && !name.equals(".") && !name.equals("..");
  }

  /** Whether bash passes the word as is inside single quotes: no quote, no expansion, no escape, no control. */
  static boolean plain(String word) {
    return word.chars().noneMatch(c -> c == '\'' || c == '"' || c == '$' || c == '`' || c == '\\' || c < 0x20);
  }

  private static String requirePlain(String word) {
    if (!plain(word)) {
      throw new IllegalArgumentException("not passed to the launcher's script as is: " + word);
    }
    return word;
  }
}
