package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.coord.BundleSubmission;
import dev.hadoopkit.workflow.coord.CoordinatorSubmission;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.scheduler.CoordinatorDryRun;
import dev.hadoopkit.workflow.scheduler.SchedulerBackend;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code bin/oozie}: Oozie's CLI. With {@code -oozie URL} (or {@code OOZIE_URL}) every command goes to that server
 * ({@code bin/workflow serve}, Oozie's REST API). Without one, workflows run embedded as with {@code bin/workflow}
 * and coordinators and bundles go to the daemon on {@value OozieHttpClient#DEFAULT_URL}; {@code -dryrun} and
 * {@code validate} never need a server.
 */
public final class OozieCli {
  /** What the embedded engine does for a workflow id when no server is named. */
  private static final List<String> EMBEDDED_VERBS = List.of("-info", "-log", "-kill", "-rerun", "-definition",
      "-status", "-start", "-suspend", "-resume");
  private static final List<String> VALUE_OPTIONS = List.of("-oozie", "-config", "-info", "-log", "-definition",
      "-kill", "-suspend", "-resume", "-change", "-value", "-rerun", "-ignore", "-action", "-date", "-len", "-offset",
      "-filter", "-start", "-jobtype", "-auth", "-timezone", "-order", "-coordinator", "-D", "-status");

  private OozieCli() {
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) throws Exception {
    List<String> args = List.of(argv);
    if (args.isEmpty() || args.get(0).equals("help") || args.contains("--help") || args.contains("-help")
        || args.get(0).equals("-h")) {
      usage(out);
      return args.isEmpty() ? 2 : 0;
    }
    Parsed parsed;
    try {
      parsed = Parsed.of(args);
    } catch (UsageException e) {
      err.println("oozie: " + e.getMessage() + " (run 'bin/oozie help')");
      return 2;
    }
    String url = parsed.option("-oozie");
    boolean explicit = url != null || env.get("OOZIE_URL") != null;
    if (url == null) {
      url = env.getOrDefault("OOZIE_URL", OozieHttpClient.DEFAULT_URL);
    }
    OozieHttpClient client = new OozieHttpClient(url.replaceAll("/+$", ""), env.get("HK_OOZIE_TOKEN"));
    OozieRemote remote = new OozieRemote(client, out);
    try {
      return switch (parsed.group) {
        case "validate" -> embedded(List.of(argv), out, err, env);
        case "admin" -> remote.adminStatus();
        case "jobs" -> {
          String jobType = parsed.option("-jobtype") == null ? "wf" : parsed.option("-jobtype");
          if (!explicit && jobType.equals("wf")) {
            yield embedded(List.of(argv), out, err, env); // workflows of the embedded engine's state dir
          }
          yield remote.jobs(jobType, parsed.option("-filter"), parsed.number("-offset", 1, 1),
              parsed.number("-len", 100, 0), parsed.flag("-verbose"));
        }
        case "job" -> job(parsed, explicit, remote, argv, out, err, env);
        default -> {
          err.println("oozie: unsupported command '" + parsed.group + "': use job, jobs, admin or validate"
              + " (run 'bin/oozie help')");
          yield 2;
        }
      };
    } catch (UsageException e) {
      err.println("oozie: " + e.getMessage() + " (run 'bin/oozie help')");
      return 2;
    } catch (WorkflowException e) {
      err.println("oozie: " + e.describe());
      return 2;
    } catch (OozieHttpClient.Unreachable e) {
      err.println("oozie: " + e.getMessage() + ". Start the scheduler daemon with 'bin/workflow serve' (it listens"
          + " on " + OozieHttpClient.DEFAULT_URL + "), or pass -oozie URL / set OOZIE_URL.");
      return 1;
    } catch (OozieHttpClient.ServerError e) {
      err.println("Error: " + e.code + " : " + e.getMessage());
      return e.status == 400 || e.status == 404 || e.status == 409 ? 2 : 1;
    }
  }

  private static int job(Parsed p, boolean explicit, OozieRemote remote, String[] argv, PrintStream out,
      PrintStream err, Map<String, String> env) throws Exception {
    if (p.flag("-run") || p.flag("-submit") || p.flag("-dryrun")) {
      String file = p.option("-config");
      if (file == null) {
        throw new UsageException("-run, -submit and -dryrun need -config job.properties");
      }
      Map<String, String> conf = new LinkedHashMap<>(JobProperties.read(file));
      conf.putAll(p.properties);
      boolean scheduled = conf.containsKey(SchedulerBackend.COORD_APP_PATH)
          || conf.containsKey(SchedulerBackend.BUNDLE_APP_PATH);
      if (p.flag("-dryrun")) {
        if (!scheduled) {
          return embedded(List.of(argv), out, err, env);
        }
        return dryRun(conf, out);
      }
      if (!scheduled && !explicit) {
        return embedded(List.of(argv), out, err, env);
      }
      return remote.submit(OozieRemote.forSubmission(conf), p.flag("-run"));
    }
    for (String verb : List.of("-info", "-log", "-definition", "-kill", "-suspend", "-resume", "-change", "-rerun",
        "-ignore", "-start", "-status")) {
      String id = p.option(verb);
      if (id == null) {
        continue;
      }
      boolean workflow = id.endsWith("-W") || id.contains("-W@");
      if (workflow && !explicit && EMBEDDED_VERBS.contains(verb)) {
        return embedded(List.of(argv), out, err, env);
      }
      Map<String, String> selection = selection(p);
      return switch (verb) {
        case "-info" -> remote.info(id, p.number("-offset", 1, 1), p.number("-len", 1000, 0), p.option("-filter"),
            p.flag("-verbose"));
        case "-status" -> remote.status(id);
        case "-log" -> remote.show(id, "log");
        case "-definition" -> remote.show(id, "definition");
        case "-change" -> {
          if (p.option("-value") == null) {
            throw new UsageException("-change needs -value endtime=…;concurrency=…;pausetime=…");
          }
          yield remote.control(id, "change", Map.of("value", p.option("-value")), null);
        }
        case "-rerun" -> {
          if (workflow) {
            Map<String, String> conf = new LinkedHashMap<>();
            if (p.option("-config") != null) {
              conf.putAll(JobProperties.read(p.option("-config")));
            }
            conf.putAll(p.properties);
            yield remote.control(id, "rerun", Map.of(), OozieRemote.configurationXml(conf));
          }
          Map<String, String> params = new LinkedHashMap<>();
          if (id.endsWith("-B")) {
            if ((p.option("-coordinator") == null) == (p.option("-date") == null)) {
              throw new UsageException("-rerun of a bundle needs -coordinator name,… or -date a::b (one of them)");
            }
            params.put(p.option("-coordinator") != null ? "coord-scope" : "date-scope",
                p.option("-coordinator") != null ? p.option("-coordinator") : p.option("-date"));
          } else if (selection.isEmpty()) {
            throw new UsageException("-rerun of a coordinator needs -action 1,3-4 or -date a::b");
          } else {
            params.putAll(selection);
          }
          params.put("refresh", Boolean.toString(p.flag("-refresh")));
          params.put("nocleanup", Boolean.toString(p.flag("-nocleanup")));
          params.put("failed", Boolean.toString(p.flag("-failed")));
          yield remote.control(id, id.endsWith("-B") ? "bundle-rerun" : "coord-rerun", params, null);
        }
        case "-ignore" -> remote.control(id, "ignore", selection, null);
        default -> remote.control(id, verb.substring(1), selection, null);
      };
    }
    throw new UsageException("job needs one of -run, -submit, -dryrun, -start, -info, -log, -definition, -kill,"
        + " -suspend, -resume, -change, -rerun, -ignore");
  }

  private static Map<String, String> selection(Parsed p) {
    Map<String, String> out = new LinkedHashMap<>();
    if (p.option("-action") != null) {
      out.put("type", "action");
      out.put("scope", p.option("-action"));
    } else if (p.option("-date") != null) {
      out.put("type", "date");
      out.put("scope", p.option("-date"));
    }
    return out;
  }

  /** A coordinator's or bundle's dry run, here, without a server. */
  private static int dryRun(Map<String, String> conf, PrintStream out) throws Exception {
    Configuration hadoop = new Configuration();
    Instant now = Instant.now();
    var availability = (dev.hadoopkit.workflow.coord.DataAvailability) path -> {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(hadoop).exists(p);
    };
    Map<String, String> withUser = OozieRemote.forSubmission(conf);
    if (conf.containsKey(SchedulerBackend.BUNDLE_APP_PATH)) {
      BundleSubmission bundle = BundleSubmission.prepare(withUser, Map.of(), hadoop);
      for (var coordinator : bundle.definition().coordinators()) {
        out.println("coordinator " + coordinator.name() + ":");
        CoordinatorSubmission child = CoordinatorSubmission.prepare(bundle.coordinatorProperties(coordinator),
            Map.of(), hadoop);
        CoordinatorDryRun.lines(child, availability, now, 1000).forEach(line -> out.println("  " + line));
      }
    } else {
      CoordinatorSubmission submission = CoordinatorSubmission.prepare(withUser, Map.of(), hadoop);
      CoordinatorDryRun.lines(submission, availability, now, 1000).forEach(out::println);
    }
    out.println("Nothing was run (-dryrun).");
    return 0;
  }

  /** The embedded engine (bin/workflow) with Oozie's spelling translated. */
  private static int embedded(List<String> argv, PrintStream out, PrintStream err, Map<String, String> env)
      throws Exception {
    List<String> translated;
    try {
      translated = translate(argv);
    } catch (UsageException e) {
      err.println("oozie: " + e.getMessage());
      return 2;
    }
    if (translated == null) {
      usage(out);
      return 0;
    }
    return ToolRunner.run(new Configuration(), new WorkflowCli(out, err, env), translated.toArray(new String[0]));
  }

  private static void usage(PrintStream out) {
    out.println("Usage: bin/oozie job [-oozie URL] -config job.properties (-run | -submit | -dryrun) [-D name=value ...]");
    out.println("       bin/oozie job [-oozie URL] -info <id> [-offset M -len N -filter status=WAITING;…]");
    out.println("       bin/oozie job [-oozie URL] -info <workflow id> [-verbose] [-offset M -len N]");
    out.println("       bin/oozie job [-oozie URL] -log <id> | -definition <id> | -start <id> | -status <id>");
    out.println("       bin/oozie job [-oozie URL] -suspend|-resume|-kill <id> [-action 1,3-4 | -date a::b]");
    out.println("       bin/oozie job [-oozie URL] -change <id> -value 'endtime=2026-12-31T00:00Z;concurrency=2;pausetime='");
    out.println("       bin/oozie job [-oozie URL] -rerun <coordinator id> (-action 1-3 | -date a::b) [-refresh]"
        + " [-nocleanup] [-failed]");
    out.println("       bin/oozie job [-oozie URL] -rerun <bundle id> (-coordinator name,… | -date a::b) [-refresh] [-nocleanup]");
    out.println("       bin/oozie job [-oozie URL] -rerun <workflow id> [-config job.properties] [-D oozie.wf.rerun.failnodes=true]");
    out.println("       bin/oozie job [-oozie URL] -ignore <coordinator id> -action 1,3-4");
    out.println("       bin/oozie jobs [-oozie URL] -jobtype wf|coordinator|bundle [-filter status=RUNNING;name=x;user=u]"
        + " [-offset M] [-len N] [-verbose]");
    out.println("       bin/oozie admin [-oozie URL] -status");
    out.println("       bin/oozie validate <workflow.xml | coordinator.xml | bundle.xml>");
    out.println("The server is -oozie URL, else $OOZIE_URL. Without either, workflows run embedded (no server) and");
    out.println("coordinators and bundles go to " + OozieHttpClient.DEFAULT_URL + " (start it: bin/workflow serve).");
    out.println("-dryrun and validate never need a server. Exit codes: 0 ok, 1 failure, 2 usage or invalid input.");
  }

  /** Oozie arguments → bin/workflow arguments for the embedded engine; null means "print usage". */
  static List<String> translate(List<String> args) throws UsageException {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("-oozie") || args.get(i).equals("--oozie") || args.get(i).equals("-auth")) {
        i++; // the server URL: not needed by the embedded engine
      } else {
        rest.add(args.get(i));
      }
    }
    if (rest.isEmpty() || rest.get(0).equals("help") || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
      return null;
    }
    String group = rest.remove(0);
    if (group.equals("validate")) {
      List<String> out = new ArrayList<>(List.of("validate"));
      out.addAll(rest);
      return out;
    }
    if (group.equals("jobs")) {
      List<String> out = new ArrayList<>(List.of("jobs", "--format", "oozie"));
      out.addAll(rest);
      return out;
    }
    if (!group.equals("job")) {
      throw new UsageException("unsupported command '" + group + "' without a server: the embedded engine offers"
          + " 'job', 'jobs' and 'validate' (run 'bin/oozie help')");
    }
    List<String> out = new ArrayList<>();
    for (String verb : EMBEDDED_VERBS) {
      int at = rest.indexOf(verb);
      if (at >= 0) {
        if (at + 1 >= rest.size()) {
          throw new UsageException(verb + " needs a job id");
        }
        out.add(verb.substring(1));
        out.add(rest.get(at + 1));
        rest.remove(at + 1);
        rest.remove(at);
        if (verb.equals("-info")) {
          out.addAll(List.of("--format", "oozie")); // Oozie's layout, as from a server
        }
        out.addAll(rest);
        return out;
      }
    }
    if (rest.remove("-submit")) {
      out.add("submit"); // PREP until -start, as in Oozie
      out.addAll(rest);
      return out;
    }
    if (rest.remove("-run")) {
      out.add("run");
      out.addAll(rest);
      return out;
    }
    if (rest.contains("-dryrun")) {
      out.add("run");
      out.addAll(rest);
      return out;
    }
    throw new UsageException("job needs one of -run, -submit, -dryrun, -start, -info, -log, -definition, -status,"
        + " -kill, -suspend, -resume, -rerun <id>");
  }

  /** Oozie's options: {@code -name value}, flags, and {@code -D k=v} (also {@code -Dk=v}). */
  private static final class Parsed {
    final String group;
    final Map<String, String> options = new LinkedHashMap<>();
    final Map<String, String> properties = new LinkedHashMap<>();

    private Parsed(String group) {
      this.group = group;
    }

    static Parsed of(List<String> args) throws UsageException {
      Parsed parsed = new Parsed(args.get(0));
      for (int i = 1; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.startsWith("-D") && arg.length() > 2) {
          property(parsed, arg.substring(2));
        } else if (arg.equals("-D")) {
          if (i + 1 >= args.size()) {
            throw new UsageException("-D needs name=value");
          }
          property(parsed, args.get(++i));
        } else if (VALUE_OPTIONS.contains(arg) && !(arg.equals("-status") && !parsed.group.equals("job"))) {
          if (i + 1 >= args.size()) {
            throw new UsageException(arg + " needs a value");
          }
          parsed.options.put(arg, args.get(++i));
        } else if (arg.startsWith("-")) {
          parsed.options.put(arg, "true");
        } else if (!parsed.group.equals("validate")) {
          throw new UsageException("unexpected argument '" + arg + "'");
        }
      }
      return parsed;
    }

    private static void property(Parsed parsed, String pair) throws UsageException {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("-D " + pair + ": expected name=value");
      }
      parsed.properties.put(pair.substring(0, eq), pair.substring(eq + 1));
    }

    String option(String name) {
      String value = options.get(name);
      return "true".equals(value) && !VALUE_OPTIONS.contains(name) ? null : value;
    }

    boolean flag(String name) {
      return options.containsKey(name);
    }

    int number(String name, int defaultValue, int min) throws UsageException {
      return NumberOption.parse(name, options.get(name), defaultValue, min, Integer.MAX_VALUE);
    }
  }
}
