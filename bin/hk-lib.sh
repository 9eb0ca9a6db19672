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

# hk_module_classpath MODULE -> prints the module's jar classpath (its own jar first), or fails with a hint.
hk_module_classpath() {
  local module="$1"
  local cpfile="$HK_ROOT/$module/target/classpath.txt"
  if [ ! -f "$cpfile" ]; then
    echo "error: $module is not built yet. Run from $HK_ROOT: mvn -B -DskipTests package" >&2
    exit 1
  fi
  local own
  own=$(ls "$HK_ROOT/$module/target/$module"-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -n 1)
  echo "${own:+$own:}$(cat "$cpfile")"
}

# hk_hadoop_classpath -> the Hadoop client jars alone (what a cluster's `hadoop classpath` holds).
hk_hadoop_classpath() {
  local cpfile="$HK_ROOT/mapreduce-jobs/target/hadoop-classpath.txt"
  if [ ! -f "$cpfile" ]; then
    echo "error: the project is not built yet. Run from $HK_ROOT: mvn -B -DskipTests package" >&2
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

# hk_exec_java NAME CLASSPATH JAVA_ARGS... -> runs java with JAVA_ARGS (which hold -cp CLASSPATH) and an AppCDS archive
# of this launcher's classes: a JVM spends most of a short command loading the 3,000-5,000 classes of Hadoop and the
# project (docs/benchmarks.md). The first run records them (-XX:ArchiveClassesAtExit, one-off ~1 s at exit), later
# runs map them (-XX:SharedArchiveFile). The archive lives in $HK_ROOT/target/cds under a key of the classpath and
# the jars' and JVM's sizes and dates, so a rebuild or a JDK update makes a new one; a bad or stale archive is
# ignored by the JVM. The classpath must list jars first and directories (the conf dir) last: the JVM archives
# only from jars, and accepts entries after the archived prefix. HK_CDS=off disables it.
hk_exec_java() {
  local name="$1" cp="$2"; shift 2
  local java
  java="$(hk_java)"
  if [ "${HK_CDS:-on}" != on ]; then exec "$java" "$@"; fi
  local dir="$HK_ROOT/target/cds" key entries
  IFS=: read -r -a entries <<< "$cp"
  key=$({ echo "$cp"; stat -L -c '%n %s %Y' "$java" "${entries[@]}" 2>/dev/null; } | cksum | cut -d' ' -f1)
  local jsa="$dir/$name-$key.jsa" quiet="-Xlog:cds=off,cds+dynamic=off"
  if [ -f "$jsa" ]; then exec "$java" -XX:SharedArchiveFile="$jsa" "$quiet" "$@"; fi
  if ! mkdir -p "$dir" 2>/dev/null || [ ! -w "$dir" ]; then exec "$java" "$@"; fi
  local tmp="$jsa.$$.tmp" rc=0
  "$java" -XX:ArchiveClassesAtExit="$tmp" "$quiet" "$@" || rc=$?
  if [ -s "$tmp" ]; then
    # older archives of this launcher only: "hadoop-<key>" must not take "hadoop-movielens-jobs-<key>" with it
    find "$dir" -maxdepth 1 -name "$name-[0-9]*" ! -name "$(basename "$tmp")" -delete 2>/dev/null || true
    mv -f "$tmp" "$jsa"
  else
    rm -f "$tmp"
  fi
  exit "$rc"
}
