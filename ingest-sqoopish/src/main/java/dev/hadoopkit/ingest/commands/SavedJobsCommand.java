package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import dev.hadoopkit.ingest.jobs.JobStore;
import dev.hadoopkit.ingest.jobs.SqoopJobProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.GenericOptionsParser;

/**
 * {@code sqoop job}: saved jobs in a local metastore. {@code --exec} applies overrides given after {@code --}; an
 * incremental import's new --last-value is saved only after the import has committed. Passwords are never saved.
 */
public final class SavedJobsCommand implements SqoopTool {

  private final Map<String, SqoopTool> tools;

  /** @param tools the tools a job may save, by name (from {@link ToolRegistry}) */
  SavedJobsCommand(Map<String, SqoopTool> tools) {
    this.tools = tools;
  }

  @Override
  public String name() {
    return "job";
  }

  @Override
  public String description() {
    return "Work with saved jobs";
  }

  @Override
  public Options options() {
    Options o = new Options();
    OptionSets.add(o, new String[][] {
        {"create", "job-id", "create a job from the tool command after --"},
        {"exec", "job-id", "run a saved job; options after -- override saved ones"},
        {"show", "job-id", "show a saved job's options"},
        {"delete", "job-id", "delete a saved job"},
        {"list", null, "list saved jobs"},
        {"meta-connect", "jdbc-uri", "not supported: the metastore is local (" + IngestKeys.METASTORE_DIR
            + ", default ~/.sqoop/hadoopkit-jobs)"},
        {"verbose", null, "print more information"},
        {"h|help", null, "print this help"}});
    return o;
  }

  @Override
  public String examples() {
    return "  sqoop job --create ratings-inc -- import --connect jdbc:mysql://localhost/movielens --username root \\\n"
        + "      --password-file /user/me/.pw --table ratings --incremental append --check-column id --target-dir /data/ratings\n"
        + "  sqoop job --exec ratings-inc\n"
        + "  sqoop job --exec ratings-inc -- -m 8\n"
        + "  sqoop job --list | --show ratings-inc | --delete ratings-inc\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) throws Exception {
    if (args.has("meta-connect")) {
      throw new UsageException("--meta-connect (a shared metastore) is not supported in this build; saved jobs live in "
          + "the local metastore directory set by -D " + IngestKeys.METASTORE_DIR);
    }
    String dir = conf.get(IngestKeys.METASTORE_DIR);
    JobStore store = new JobStore(dir != null ? Path.of(dir)
        : defaultMetastoreDir(System.getenv(), System.getProperty("user.home")));
    int actions = (args.has("create") ? 1 : 0) + (args.has("exec") ? 1 : 0) + (args.has("show") ? 1 : 0)
        + (args.has("delete") ? 1 : 0) + (args.has("list") ? 1 : 0);
    if (actions != 1) {
      throw new UsageException("Give exactly one of --create, --exec, --show, --delete, --list. Run 'sqoop help job'.");
    }
    if (args.has("list")) {
      console.out().println("Available jobs:");
      for (String name : store.list()) {
        console.out().println("  " + name);
      }
      return 0;
    }
    if (args.has("delete")) {
      store.delete(args.get("delete"));
      return 0;
    }
    if (args.has("show")) {
      String name = args.get("show");
      JobStore.SavedJob job = store.load(name);
      SqoopTool command = tools.get(job.tool());
      Args saved = Args.parse(job.tool(), command.options(), toolArgs(new Configuration(false), job.args()));
      console.out().println("Job: " + name);
      console.out().println("Tool: " + job.tool());
      console.out().println("Options:");
      console.out().println("----------------------------");
      for (Map.Entry<String, String> e : SqoopJobProperties.of(saved, command.options(), job.requirePassword()).entrySet()) {
        console.out().println(e.getKey() + " = " + e.getValue());
      }
      return 0;
    }
    if (args.has("create")) {
      return create(args, store, console);
    }
    return exec(args.get("exec"), args.extra(), store, conf, console);
  }

  private int create(Args args, JobStore store, Console console) throws java.io.IOException {
    String name = args.get("create");
    if (args.extra().isEmpty()) {
      throw new UsageException("Missing the tool command after '--': sqoop job --create " + name + " -- import --connect ...");
    }
    String tool = args.extra().get(0);
    SqoopTool command = tools.get(tool);
    if (command == null) {
      throw new UsageException("Cannot save tool '" + tool + "' as a job: use one of " + String.join(", ", tools.keySet()));
    }
    if (store.exists(name)) {
      throw new UsageException("Job " + name + " already exists: delete it first with 'sqoop job --delete " + name + "'");
    }
    List<String> saved = new ArrayList<>();
    List<String> rest = args.extra().subList(1, args.extra().size());
    boolean droppedPassword = false;
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i).equals("--password")) {
        droppedPassword = true;
        i++;
        continue;
      }
      saved.add(rest.get(i));
    }
    // Parse now so that a mistake shows at --create, not at the first --exec.
    command.validate(Args.parse(tool, command.options(), toolArgs(new Configuration(false), saved)));
    if (droppedPassword) {
      console.warn("The --password value is not saved; give it when running the job (sqoop job --exec " + name
          + " -- -P) or save the job with --password-file or --password-alias.");
    }
    store.save(name, new JobStore.SavedJob(tool, saved, droppedPassword));
    console.info("Saved job " + name + " in " + store.dir());
    return 0;
  }

  private int exec(String name, List<String> overrides, JobStore store, Configuration conf, Console console) throws Exception {
    // Two concurrent execs of an incremental job would import the same new rows twice (issue 15: 5 execs, 5x rows).
    store.load(name); // "No such job" before any lock file is made; loaded again under the lock (last-value)
    try (JobStore.ExecLock lock = store.lockForExec(name)) {
      return execLocked(name, overrides, store, conf, console);
    }
  }

  private int execLocked(String name, List<String> overrides, JobStore store, Configuration conf, Console console)
      throws Exception {
    JobStore.SavedJob job = store.load(name);
    SqoopTool command = tools.get(job.tool());
    List<String> merged = merge(job.args(), overrides, command.options());
    Configuration jobConf = new Configuration(conf);
    Args args = Args.parse(job.tool(), command.options(), toolArgs(jobConf, merged));
    if (command instanceof ImportCommand) {
      ImportCommand.Result result = ((ImportCommand) command).runImport(args, jobConf, console, null);
      if (args.has("incremental") && result.nextLastValue() != null) {
        // runImport returns only after the output was moved into place: now the new last value may be saved.
        List<String> updated = merge(job.args(), List.of("--last-value", result.nextLastValue()), command.options());
        store.save(name, job.withArgs(updated));
        console.info("Saved --last-value " + result.nextLastValue() + " for job " + name + ".");
      }
      return 0;
    }
    return command.run(args, jobConf, console);
  }

  /**
   * {@code $HOME/.sqoop/hadoopkit-jobs}, as Sqoop's shell scripts resolve ~; the JVM's user.home (from the password
   * database) only when HOME is unset: under sudo or in containers they differ, and the user's jobs are under $HOME.
   */
  public static Path defaultMetastoreDir(Map<String, String> environment, String userHome) {
    String home = environment.get("HOME");
    return Path.of(home == null || home.isBlank() ? userHome : home, ".sqoop", "hadoopkit-jobs");
  }

  /**
   * Applies the generic options (-D, -conf, ...) to {@code conf} and returns the tool's arguments. Hadoop's parser
   * would swallow a lone "--", so the manager arguments after it (-- --schema NAME) are kept aside and appended.
   */
  static String[] toolArgs(Configuration conf, List<String> args) {
    int split = args.indexOf("--");
    List<String> before = split < 0 ? args : args.subList(0, split);
    List<String> out;
    try {
      out = new ArrayList<>(List.of(new GenericOptionsParser(conf, before.toArray(new String[0])).getRemainingArgs()));
    } catch (java.io.IOException e) {
      throw new UsageException("Invalid generic option in the saved job: " + e.getMessage());
    }
    if (split >= 0) {
      out.addAll(args.subList(split, args.size()));
    }
    return out.toArray(new String[0]);
  }

  /** The saved arguments with each override replacing the saved value of the same option. */
  static List<String> merge(List<String> saved, List<String> overrides, Options options) {
    // Manager arguments after a lone "--" stay last, so overrides never land among them.
    int split = saved.indexOf("--");
    if (split >= 0) {
      List<String> merged = merge(saved.subList(0, split), overrides, options);
      merged.addAll(saved.subList(split, saved.size()));
      return merged;
    }
    List<String> out = new ArrayList<>(saved);
    for (int i = 0; i < overrides.size(); i++) {
      String token = overrides.get(i);
      Option option = token.startsWith("-") ? options.getOption(token.replaceFirst("^--?", "")) : null;
      if (option == null) {
        out.add(token);
        continue;
      }
      boolean hasArg = option.hasArg() && i + 1 < overrides.size();
      for (int k = 0; k < out.size(); k++) {
        Option existing = out.get(k).startsWith("-") ? options.getOption(out.get(k).replaceFirst("^--?", "")) : null;
        if (existing != null && existing.equals(option)) {
          out.remove(k);
          if (existing.hasArg() && k < out.size()) {
            out.remove(k);
          }
          break;
        }
      }
      out.add(token);
      if (hasArg) {
        out.add(overrides.get(++i));
      }
    }
    return out;
  }

}
