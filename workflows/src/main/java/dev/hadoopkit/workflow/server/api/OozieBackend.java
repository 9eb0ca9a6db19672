package dev.hadoopkit.workflow.server.api;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the REST layer asks of the scheduler daemon. Every method is safe to call from many HTTP threads. Failures
 * are {@link BadRequestException} (400), {@link ConflictException} (409) and {@link NotFoundException} (404) with a
 * message for people; anything else is a 500 whose message is logged, never sent as a stack trace.
 */
public interface OozieBackend {
  /**
   * Submits a workflow, coordinator or bundle, by which of {@code oozie.wf.application.path},
   * {@code oozie.coord.application.path}, {@code oozie.bundle.application.path} the configuration sets. With
   * {@code start} false the job stays PREP until {@link #start}. Returns the job id.
   */
  String submit(Map<String, String> conf, boolean start);

  void start(String id);

  /** A job with a page of its actions ({@code offset} 1-based as in Oozie; filter {@code status=WAITING;…}). */
  Views.JobView info(String id, int offset, int len, Map<String, List<String>> actionFilter);

  /** A coordinator action or workflow action by its id ({@code …-C@3}, {@code …-W@node}). */
  Object action(String actionId);

  /** The XML the job was submitted with. */
  String definition(String id);

  /** The job's log (a coordinator's: its own lines and those of its actions' workflows). */
  String log(String id);

  /** An SVG drawing of a workflow run, nodes coloured by state. */
  String graph(String id);

  /**
   * The drawing for the console's workflow page: as {@link #graph}, but a large workflow's long chains of actions
   * drawn as one box each (see GraphOptions.forConsole). A backend without that choice draws {@link #graph}.
   */
  default String pageGraph(String id) {
    return graph(id);
  }

  Views.Page<Views.JobView> jobs(JobType type, Map<String, List<String>> filter, int offset, int len);

  void suspend(String id, ActionSelection selection);

  void resume(String id, ActionSelection selection);

  void kill(String id, ActionSelection selection);

  /** {@code endtime=…;concurrency=…;pausetime=…} (Oozie's -change values), already split. */
  void change(String id, Map<String, String> values);

  /** Oozie's coord-rerun (and bundle rerun): the chosen actions run again. Returns the actions rerun. */
  List<Views.CoordAction> coordRerun(String id, ActionSelection selection, boolean refresh, boolean noCleanup,
      boolean failed);

  /** A workflow rerun with new/merged configuration (oozie.wf.rerun.failnodes, oozie.wf.rerun.skip.nodes). */
  void rerunWorkflow(String id, Map<String, String> conf);

  /** Oozie's ignore: the chosen terminal (or WAITING) actions become IGNORED. */
  List<Views.CoordAction> ignore(String id, ActionSelection selection);

  /** A dry run of a submission: the lines {@code bin/oozie job -dryrun} prints; nothing is stored or run. */
  List<String> dryrun(Map<String, String> conf);

  Views.Metrics metrics();

  /** Subscribes to state changes until the returned handle is closed. */
  AutoCloseable subscribe(Consumer<Views.Event> listener);

  /** Oozie's system mode: NORMAL (or SAFEMODE while a standby is taking over). */
  String systemMode();
}
