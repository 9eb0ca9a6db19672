# Shared by the bin/ launchers: locate the repo, Java, and a module's runtime classpath.
# Sourced, never run. A module's classpath file is written by `mvn package` (dependency:build-classpath).

HK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

hk_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"
  else
    command -v java || { echo "error: no java on PATH; install JDK 17 or set JAVA_HOME" >&2; exit 1; }
  fi
}

# hk_module_classpath MODULE -> prints the module's jar classpath (its own jar first), or fails with a hint. Assign
# it on its own line (cp="$(hk_module_classpath M)"), so that `set -e` stops the launcher when it fails.
hk_module_classpath() {
  local module="$1"
  local cpfile="$HK_ROOT/$module/target/classpath.txt"
  if [ ! -f "$cpfile" ]; then
    echo "error: $module is not built ($cpfile is missing): run mvn -B -DskipTests package first, in $HK_ROOT" >&2
    exit 1
  fi
  local own
  own=$(ls "$HK_ROOT/$module/target/$module"-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -n 1)
  if [ -z "$own" ]; then
    echo "error: $module is not built (no $module/target/$module-*.jar): run mvn -B -DskipTests package first, in $HK_ROOT" >&2
    exit 1
  fi
  echo "$own:$(cat "$cpfile")"
}

# hk_hadoop_classpath -> the Hadoop client jars alone (what a cluster's `hadoop classpath` holds).
hk_hadoop_classpath() {
  local cpfile="$HK_ROOT/mapreduce-jobs/target/hadoop-classpath.txt"
  if [ ! -f "$cpfile" ]; then
    echo "error: mapreduce-jobs is not built ($cpfile is missing): run mvn -B -DskipTests package first, in $HK_ROOT" >&2
    exit 1
  fi
  cat "$cpfile"
}

# The configuration directory: $HADOOP_CONF_DIR when set (a cluster), else the repo's conf/ (local mode).
hk_conf_dir() {
  if [ -n "${HADOOP_CONF_DIR:-}" ]; then
    if [ ! -d "$HADOOP_CONF_DIR" ]; then
      echo "error: HADOOP_CONF_DIR=$HADOOP_CONF_DIR is not a directory" >&2
      exit 1
    fi
    echo "$HADOOP_CONF_DIR"
  else
    echo "$HK_ROOT/conf"
  fi
}

# Options every launcher passes to the JVM. The client JIT stops at C1 by default (HK_TIERED_STOP=1): on two cores
# C2's compiler threads compete with the job, and a local job of 10 M ratings in a fresh JVM finished in 4.7 s with
# C1 against 7.8 s with C2 (docs/benchmarks.md). Long single-JVM runs may prefer HK_TIERED_STOP=4.
hk_java_opts() {
  local logdir="${HADOOP_LOG_DIR:-${TMPDIR:-/tmp}/hadoopkit-logs-$(id -un)}"
  local log4j="$HK_ROOT/conf/log4j.properties"
  if [ -n "${HADOOP_CONF_DIR:-}" ] && [ -f "$HADOOP_CONF_DIR/log4j.properties" ]; then
    log4j="$HADOOP_CONF_DIR/log4j.properties"
  fi
  echo "-Xmx${HADOOP_HEAPSIZE_MAX:-1g} -XX:+UseParallelGC -XX:TieredStopAtLevel=${HK_TIERED_STOP:-1} -Dhadoop.log.dir=$logdir -Dhadoop.log.file=hadoop.log -Dhadoop.root.logger=${HADOOP_ROOT_LOGGER:-WARN,console} -Dlog4j.configuration=file:$log4j ${HADOOP_CLIENT_OPTS:-} ${HADOOP_OPTS:-}"
}

# hk_exec_java JAVA_ARGS... -> replaces this shell with java JAVA_ARGS. Launchers do nothing else: find Java, build
# the classpath, exec.
hk_exec_java() {
  local java
  java="$(hk_java)"
  exec "$java" "$@"
}

# hk_class_archive_opts ARCHIVE -> the JVM options for a class-sharing archive made at build time (docs/launchers.md).
# Prints -XX:SharedArchiveFile=ARCHIVE when ARCHIVE exists, nothing when it does not (a missing archive costs
# nothing). The JVM itself checks the archive against its own build and the classpath's jars (paths, sizes, dates),
# and runs without it, silently, when it is stale or from another JDK. HK_CDS=off ignores the archive.
# HK_CDS=record is for the build only (mvn package): the run writes ARCHIVE at exit (-XX:ArchiveClassesAtExit).
hk_class_archive_opts() {
  local archive="$1" quiet="-Xlog:cds=off,cds+dynamic=off"
  case "${HK_CDS:-on}" in
    off) ;;
    record) mkdir -p "$(dirname "$archive")"; rm -f "$archive"; echo "-XX:ArchiveClassesAtExit=$archive $quiet" ;;
    *) if [ -f "$archive" ]; then echo "-XX:SharedArchiveFile=$archive $quiet"; fi ;;
  esac
}

# hk_module_archive_opts MODULE NAME -> hk_class_archive_opts for MODULE/target/cds/NAME.jsa: a launcher's archive, if
# its module's build makes one (an exec-maven-plugin execution running the launcher with HK_CDS=record, as
# mapreduce-jobs does for bin/hadoop; docs/launchers.md). Without the file: nothing.
hk_module_archive_opts() {
  hk_class_archive_opts "$HK_ROOT/$1/target/cds/$2.jsa"
}
