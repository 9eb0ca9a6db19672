package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.server.OozieHttpServer;
import dev.hadoopkit.workflow.server.ServerToken;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code bin/workflow serve}: one process owning a state directory — the scheduler, the workflows it runs and the
 * REST API. Ownership is an OS file lock on {@code scheduler/daemon.lock}: a second daemon on the same state waits
 * as a hot standby (checking twice a second) and takes over, replaying the journal, as soon as the kernel releases
 * the lock of a dead owner. The port is bound only by the owner.
 */
public final class SchedulerDaemon implements AutoCloseable {
  /** How the daemon is started (the {@code serve} options). */
  public record Options(int port, String bind, Path stateDir, int pool, boolean sync) {
  }

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final WorkflowEngine engine;
  private final WorkflowLauncher launcher;
  private final Scheduler scheduler;
  private final SchedulerBackend backend;
  private final OozieHttpServer server;

  private SchedulerDaemon(FileChannel lockChannel, FileLock lock, WorkflowEngine engine, WorkflowLauncher launcher,
      Scheduler scheduler, SchedulerBackend backend, OozieHttpServer server) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.engine = engine;
    this.launcher = launcher;
    this.scheduler = scheduler;
    this.backend = backend;
    this.server = server;
  }

  /**
   * Takes the state directory (waiting as a standby while another daemon holds it), replays the journal, resumes
   * what was running and starts serving. {@code out} gets one line per phase.
   */
  public static SchedulerDaemon start(Options options, EngineSettings engineSettings, Configuration hadoop,
      PrintStream out) throws IOException, InterruptedException {
    Path dir = options.stateDir().resolve("scheduler");
    Files.createDirectories(dir);
    FileChannel channel = FileChannel.open(dir.resolve("daemon.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock = tryLock(channel);
    if (lock == null) {
      out.println("standby: another daemon (pid " + readPid(dir) + ") serves " + options.stateDir()
          + "; waiting to take over when it stops");
      while ((lock = tryLock(channel)) == null) {
        Thread.sleep(500);
      }
      out.println("standby: the other daemon stopped; taking over");
    }
    Files.writeString(dir.resolve("daemon.pid"), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
    long started = System.nanoTime();
    WorkflowEngine engine = new WorkflowEngine(engineSettings, ActionRegistry.standard(), hadoop, out);
    WorkflowLauncher launcher = new WorkflowLauncher(engine, options.pool());
    SchedulerSettings settings = SchedulerSettings.defaults(options.stateDir(), engineSettings.clock())
        .withWorkflowPool(options.pool()).withSync(options.sync());
    SchedulerState state = new SchedulerState(engine.store(), launcher, hadoop);
    Scheduler scheduler = new Scheduler(settings, state);
    SchedulerBackend backend = new SchedulerBackend(scheduler, state, engine, hadoop);
    scheduler.start();
    InetAddress address = InetAddress.getByName(options.bind());
    OozieHttpServer server = new OozieHttpServer(backend);
    if (!address.isLoopbackAddress()) {
      server.requireToken(ServerToken.loadOrCreate(options.stateDir()));
      out.println("bound beyond loopback: POST/PUT need the token in " + options.stateDir().resolve("server.token")
          + " (Authorization: Bearer <token>)");
    }
    server.context("/", new dev.hadoopkit.workflow.console.Console(backend, !address.isLoopbackAddress()));
    try {
      server.start(new InetSocketAddress(address, options.port()));
    } catch (IOException e) {
      scheduler.close();
      launcher.close();
      lock.release();
      channel.close();
      throw new IOException("cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage()
          + " (is another program using the port? choose one with --port)", e);
    }
    out.printf("serving http://%s:%d/oozie  (state %s, %d coordinators, %d bundles, up in %d ms, pool %d)%n",
        options.bind(), server.port(), options.stateDir(), state.coordinators.size(), state.bundles.size(),
        (System.nanoTime() - started) / 1_000_000, options.pool());
    return new SchedulerDaemon(channel, lock, engine, launcher, scheduler, backend, server);
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very process (a test running two daemons)
    }
  }

  private static String readPid(Path dir) {
    try {
      return Files.readString(dir.resolve("daemon.pid"), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  public int port() {
    return server.port();
  }

  public SchedulerBackend backend() {
    return backend;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public WorkflowEngine engine() {
    return engine;
  }

  /** Blocks until the scheduler stops (close() from a shutdown hook, or a fatal error). */
  public void awaitStop() throws InterruptedException {
    while (scheduler.isRunning()) {
      Thread.sleep(200);
    }
  }

  /**
   * Stops serving, then the workflows (their runs stay RUNNING in their journals and are resumed by the next
   * daemon; a run that ends meanwhile is still recorded, the scheduler being up), then the scheduler, then gives up
   * the state directory.
   */
  @Override
  public void close() throws IOException {
    server.close();
    try {
      launcher.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.close();
    lock.release();
    lockChannel.close();
  }
}
