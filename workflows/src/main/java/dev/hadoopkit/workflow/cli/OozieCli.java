package dev.hadoopkit.workflow.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code bin/oozie}: Oozie's CLI spelling mapped onto {@code bin/workflow}. {@code job -config f -run | -dryrun},
 * {@code job -info|-log|-kill|-rerun <id>}, {@code validate <workflow.xml | coordinator.xml | bundle.xml>}; {@code -oozie URL} is accepted and
 * ignored (the engine is embedded).
 */
public final class OozieCli {
  private OozieCli() {
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) throws Exception {
    List<String> translated;
    try {
      translated = translate(List.of(argv));
    } catch (UsageException e) {
      err.println("oozie: " + e.getMessage());
      return 2;
    }
    if (translated == null) {
      out.println("Usage: bin/oozie job [-oozie URL] -config job.properties (-run | -dryrun) [-D name=value ...]");
      out.println("       bin/oozie job [-oozie URL] (-info | -log | -kill) <id>");
      out.println("       bin/oozie job [-oozie URL] -rerun <id> [-D oozie.wf.rerun.failnodes=true |"
          + " -D oozie.wf.rerun.skip.nodes=a,b]");
      out.println("       bin/oozie validate <workflow.xml | coordinator.xml | bundle.xml>");
      out.println("The engine is embedded (no server): -oozie URL is accepted and ignored. Same as bin/workflow.");
      return argv.length == 0 ? 2 : 0;
    }
    return ToolRunner.run(new Configuration(), new WorkflowCli(out, err, env), translated.toArray(new String[0]));
  }

  /** Oozie arguments → bin/workflow arguments; null means "print usage". */
  static List<String> translate(List<String> args) throws UsageException {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("-oozie") || args.get(i).equals("--oozie")) {
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
    if (!group.equals("job")) {
      throw new UsageException("unsupported command '" + group + "': this embedded engine offers 'job' and"
          + " 'validate' (run 'bin/oozie help')");
    }
    List<String> out = new ArrayList<>();
    for (String verb : List.of("-info", "-log", "-kill", "-rerun")) {
      int at = rest.indexOf(verb);
      if (at >= 0) {
        if (at + 1 >= rest.size()) {
          throw new UsageException(verb + " needs a job id");
        }
        out.add(verb.substring(1));
        out.add(rest.get(at + 1));
        rest.remove(at + 1);
        rest.remove(at);
        out.addAll(rest);
        return out;
      }
    }
    if (rest.remove("-run") || rest.remove("-submit")) {
      out.add("run");
      out.addAll(rest);
      return out;
    }
    if (rest.contains("-dryrun")) {
      out.add("run");
      out.addAll(rest);
      return out;
    }
    throw new UsageException("job needs one of -run, -dryrun, -info <id>, -log <id>, -kill <id>, -rerun <id>");
  }
}
