package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.scheduler.SchedulerDaemon;
import java.util.List;

/** {@code serve}: the scheduler daemon in the foreground, with Oozie's REST API; SIGTERM / Ctrl-C stop it cleanly. */
final class ServeCommand implements Command {
  public String name() {
    return "serve";
  }

  public String description() {
    return "run the scheduler daemon (coordinators, bundles, workflows) with Oozie's REST API, in the foreground";
  }

  public String usage() {
    return "serve [--port 11000] [--bind 127.0.0.1] [--state DIR] [--pool N]";
  }

  public List<String> examples() {
    return List.of("bin/workflow serve",
        "bin/workflow serve --port 11001 --state /var/lib/hadoopkit --pool 32",
        "bin/oozie job -oozie http://127.0.0.1:11000/oozie -config coordinator.properties -run",
        "OOZIE_URL=http://127.0.0.1:11000/oozie bin/oozie jobs -jobtype coordinator");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("port", "bind", "state", "pool", "nosync"));
    int port = NumberOption.parse("--port", in.option("port"), 11000, 0, 65535);
    int pool = in.number("--", "pool", 16, 1);
    EngineSettings engineSettings = in.settings();
    if (in.option("state") != null) {
      engineSettings = new EngineSettings(java.nio.file.Path.of(in.option("state")), engineSettings.poolSize(),
          engineSettings.captureOutputLimit(), engineSettings.journalSync(), engineSettings.clock());
    }
    String bind = in.option("bind") == null ? "127.0.0.1" : in.option("bind");
    SchedulerDaemon.Options options = new SchedulerDaemon.Options(port, bind, engineSettings.stateDir(), pool,
        !in.flag("nosync") && engineSettings.journalSync());
    SchedulerDaemon daemon = SchedulerDaemon.start(options, engineSettings, in.conf(), in.out());
    Thread hook = new Thread(() -> {
      in.out().println("stopping: running workflows stay RUNNING and are resumed by the next daemon");
      try {
        daemon.close();
      } catch (Exception e) {
        in.err().println("serve: error while stopping: " + e.getMessage());
      }
    }, "serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    daemon.awaitStop();
    Throwable failure = daemon.scheduler().failure();
    if (failure != null) {
      in.err().println("serve: the scheduler stopped: " + failure.getMessage());
      return 1;
    }
    return 0;
  }

}
