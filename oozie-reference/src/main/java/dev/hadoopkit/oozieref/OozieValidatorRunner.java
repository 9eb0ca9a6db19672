package dev.hadoopkit.oozieref;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.oozie.service.LiteWorkflowAppService;
import org.apache.oozie.service.Services;
import org.apache.oozie.service.WorkflowAppService;
import org.apache.oozie.workflow.WorkflowException;

/**
 * Apache Oozie 5.2.1's own validator over a list of workflow files, for workflows' OozieValidatorReferenceIT.
 *
 * <p>Usage: {@code OozieValidatorRunner <list-file> <timeout-ms>}. Each line of the list is
 * {@code workflow.xml-path[<TAB>job.properties-path]}; for each the runner prints one line,
 * {@code path<TAB>OK}, {@code path<TAB>E0xxx<TAB>message} or {@code path<TAB>TIMEOUT}. What a submission does is
 * what runs: LiteWorkflowAppService's {@code parseDef(xml, jobConf, configDefault)} — the XSDs (E0701), JDOM
 * (E0700), the {@code <parameters>} check against the job properties (E0738, E0739), the nodes (E0703, E0705,
 * E0706) and LiteWorkflowValidator (E0707, E0708, E0723, E0724, E0730, E0733, E0737, E0742–E0744, E0757, E0758).
 *
 * <p>Oozie 5.2.1's fork/join walk is exponential in the length of a chain whose ok and error go to the same node
 * (OOZIE-3561, fixed later), so each file gets {@code timeout-ms}; a file that runs over is TIMEOUT and its worker
 * is abandoned (a daemon thread; stopped where the JVM still allows it) so the rest of the list goes on.
 */
public final class OozieValidatorRunner {
  /** The services a workflow submission's parse needs, and no database, server or Hadoop cluster. */
  private static final String SERVICES = String.join(",",
      "org.apache.oozie.service.SchedulerService",
      "org.apache.oozie.service.ELService",
      "org.apache.oozie.service.SchemaService",
      "org.apache.oozie.service.LiteWorkflowAppService",
      "org.apache.oozie.service.DBLiteWorkflowStoreService",
      "org.apache.oozie.service.ActionService");

  private OozieValidatorRunner() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: OozieValidatorRunner <list-file> <timeout-ms>");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    long timeoutMs = Long.parseLong(args[1]);
    // Oozie logs through log4j to oozie.log.dir; the answers go to stdout only, so keep the two apart.
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    Path home = Files.createTempDirectory("oozie-validator-home");
    Files.createDirectories(home.resolve("conf"));
    Files.createDirectories(home.resolve("log"));
    Files.createDirectories(home.resolve("data"));
    System.setProperty("oozie.home.dir", home.toString());
    System.setProperty("oozie.config.dir", home.resolve("conf").toString());
    System.setProperty("oozie.log.dir", home.resolve("log").toString());
    System.setProperty("oozie.data.dir", home.resolve("data").toString());
    System.setProperty("oozie.services", SERVICES);
    Files.writeString(home.resolve("conf/oozie-site.xml"), "<configuration></configuration>\n");
    Files.writeString(home.resolve("conf/oozie-log4j.properties"),
        "log4j.rootLogger=OFF\nlog4j.logger.org.apache.oozie=OFF\n");
    System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));

    Services services = new Services();
    services.init();
    // Registered under its interface; LiteWorkflowAppService is the implementation oozie-default.xml names.
    WorkflowAppService registered = services.get(WorkflowAppService.class);
    if (!(registered instanceof LiteWorkflowAppService)) {
      System.err.println("Oozie's WorkflowAppService did not start (services: " + SERVICES + ")");
      System.exit(1);
    }
    LiteWorkflowAppService workflows = (LiteWorkflowAppService) registered;
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "oozie-validate");
      t.setDaemon(true);
      return t;
    });
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\t");
      String file = parts[0];
      Configuration jobConf = new Configuration(false);
      if (parts.length > 1 && !parts[1].isEmpty()) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(parts[1]))) {
          properties.load(in);
        }
        properties.stringPropertyNames().forEach(k -> jobConf.set(k, properties.getProperty(k)));
      }
      String xml = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      Thread[] worker = new Thread[1];
      Future<String> verdict = pool.submit(() -> {
        worker[0] = Thread.currentThread();
        return validate(workflows, xml, jobConf);
      });
      String answer;
      try {
        answer = verdict.get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        verdict.cancel(true);
        stop(worker[0]);
        answer = "TIMEOUT";
      } catch (ExecutionException e) {
        answer = "CRASH\t" + oneLine(String.valueOf(e.getCause()));
      }
      out.println(file + "\t" + answer);
    }
    out.flush();
    // Abandoned workers may still be walking; the process ends here, not when they do.
    Runtime.getRuntime().halt(0);
  }

  private static String validate(LiteWorkflowAppService workflows, String xml, Configuration jobConf)
      throws IOException {
    try {
      workflows.parseDef(xml, jobConf, new Configuration(false));
      return "OK";
    } catch (WorkflowException e) {
      return e.getErrorCode() + "\t" + oneLine(e.getMessage());
    }
  }

  /** Thread.stop still works on Java 17 and spares a core on a shared machine; later JVMs refuse it. */
  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread thread) {
    if (thread == null) {
      return;
    }
    try {
      thread.stop();
    } catch (UnsupportedOperationException e) {
      thread.interrupt();
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }
}
