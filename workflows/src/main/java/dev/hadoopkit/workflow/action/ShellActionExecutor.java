package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell action: runs {@code <exec>} with its {@code <argument>}s and {@code <env-var>}s as a child process in the
 * action's working directory (where {@code <file>}s are localized). Exit code 0 is ok, anything else an error. With
 * {@code <capture-output/>}, stdout is read as Java properties for {@code wf:actionData}.
 */
final class ShellActionExecutor implements ActionExecutor {

  @Override
  public String type() {
    return "shell";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws IOException, InterruptedException {
    ActionBody.Shell body = context.body(ActionBody.Shell.class);
    List<String> command = new ArrayList<>();
    String exec = body.exec();
    List<String> files = FileLocalizer.localize(body.hadoop(), context);
    Map<String, String> env = new LinkedHashMap<>();
    for (String text : body.envVars()) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        return ActionOutcome.failed(RunErrorCode.SHELL001, "env-var [" + text + "] is not NAME=VALUE");
      }
      env.put(text.substring(0, eq), text.substring(eq + 1));
    }
    if (dev.hadoopkit.workflow.launcher.LauncherMode.of(context.conf(), context.workflowConf())
        == dev.hadoopkit.workflow.launcher.LauncherMode.YARN) {
      return onYarn(context, body, exec, files, env);
    }
    if (java.nio.file.Files.isRegularFile(context.workDir().resolve(exec))) {
      java.nio.file.Path local = context.workDir().resolve(exec);
      local.toFile().setExecutable(true);
      command.add(local.toString());
    } else {
      command.add(exec);
    }
    command.addAll(body.arguments());
    ProcessBuilder builder = new ProcessBuilder(command).directory(context.workDir().toFile());
    builder.environment().putAll(env);
    builder.environment().put("OOZIE_ACTION_CONF_XML", JavaActionExecutor.writeActionConf(context).toString());
    Process process;
    try {
      process = ProcessSupport.start(builder, context);
    } catch (IOException e) {
      return ActionOutcome.error(RunErrorCode.SHELL002, "cannot run [" + exec + "]: " + e.getMessage());
    }
    int exit = ProcessSupport.waitFor(process, context);
    return outcome(context, body, exec, exit);
  }

  /**
   * The command in a YARN launcher container (LaunchedAction), in its directory with the {@code <file>}s: a file
   * named by {@code <exec>} runs from there (made executable first: localized files lose their x bit).
   */
  private static ActionOutcome onYarn(ActionContext context, ActionBody.Shell body, String exec, List<String> files,
      Map<String, String> env) throws IOException, InterruptedException {
    env.put("OOZIE_ACTION_CONF_XML", org.apache.hadoop.yarn.api.ApplicationConstants.Environment.PWD.$$()
        + "/action.xml");
    List<String> command = new ArrayList<>();
    if (files.contains(exec)) {
      command.addAll(List.of("/bin/sh", "-c", "chmod +x \"./$0\" && exec \"./$0\" \"$@\"", exec));
    } else {
      command.add(exec);
    }
    command.addAll(body.arguments());
    LaunchedAction.Ended ended = LaunchedAction.run(context, command, files, env, "shell");
    if (ended.failure() != null) {
      return ended.failure();
    }
    return outcome(context, body, exec, ended.exit());
  }

  private static ActionOutcome outcome(ActionContext context, ActionBody.Shell body, String exec, int exit) {
    if (exit != 0) {
      String stderr = ProcessSupport.tail(context.workDir().resolve("stderr"), 400);
      return ActionOutcome.error("1", "shell command [" + exec + "] exited with code " + exit
          + (stderr.isEmpty() ? "" : "; stderr: " + stderr));
    }
    if (body.captureOutput()) {
      try {
        return ActionOutcome.ok(ProcessSupport.capture(context.workDir().resolve("stdout"),
            context.captureOutputLimit()));
      } catch (ProcessSupport.CaptureException e) {
        return ActionOutcome.error(RunErrorCode.CAPTURE_OUTPUT, e.getMessage());
      }
    }
    return ActionOutcome.ok();
  }
}
