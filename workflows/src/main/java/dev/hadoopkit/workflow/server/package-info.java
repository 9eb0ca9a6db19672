/**
 * The scheduler daemon's HTTP layer: Oozie's web-services API v1/v2 over {@link
 * dev.hadoopkit.workflow.server.api.OozieBackend}, so that the real Oozie client works against {@code bin/workflow
 * serve}.
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * OozieHttpServer server = new OozieHttpServer(backend)          // backend: the scheduler
 *     .requireToken(ServerToken.loadOrCreate(stateDir))          // mandatory beyond loopback; optional on 127.0.0.1
 *     .start(OozieHttpServer.loopback(11000));                    // or new InetSocketAddress("0.0.0.0", 11000)
 * server.context("/", consoleHandler);                           // console pages; /oozie and /metrics stay ours
 * // oozie job -oozie http://127.0.0.1:11000/oozie -auth SIMPLE -info <id>
 * server.close();                                                // ends event streams, stops the pool
 * }</pre>
 *
 * <h2>What the real client (5.2.1) needs of the backend's views</h2>
 * <ul>
 *   <li>Every status is one of the client's enum names ({@link dev.hadoopkit.workflow.server.OozieJson#JOB_STATUSES}
 *       etc.) and never null: it calls {@code Enum.valueOf} and dies on anything else. Coordinator {@code timeUnit}
 *       (MINUTE, HOUR, DAY, WEEK, MONTH, END_OF_DAY, END_OF_MONTH, CRON, NONE) and {@code executionPolicy} (FIFO,
 *       LIFO, LAST_ONLY, NONE) likewise; null becomes NONE/FIFO here.</li>
 *   <li>Ids end in {@code -W}, {@code -C}, {@code -B}; the CLI picks the call by that suffix and by {@code -C@}/{@code
 *       -W@} for actions.</li>
 *   <li>{@code info(id, offset, len, …)}: offset is at least 1; len may be {@link Integer#MAX_VALUE} ("all", the
 *       client's {@code len=0} for a workflow) — no {@code offset + len} overflow, please.</li>
 *   <li>{@code dryrun}: for a coordinator the lines are joined with newlines and the client splits them at the text
 *       {@code action for new instance} (first part: the coordinator after parsing, then one part per action); for a
 *       workflow the client only prints {@code OK}, the lines are in the answer's extra {@code lines} field.</li>
 *   <li>Backend exceptions: {@code NotFoundException} → 404 E0604, {@code BadRequestException(code, …)} → 400 with
 *       that code, {@code ConflictException} → 409; the CLI prints {@code Error: <code> : <message>} and exits
 *       non-zero. Messages go into an HTTP header: keep them to one line of ASCII (others become {@code ?} there;
 *       the JSON body keeps them intact).</li>
 * </ul>
 *
 * <h2>Testing against the real client</h2>
 * {@code mvn -o -pl workflows verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test='OozieClient*IT'} (the dependency plugin copies the client's jars to {@code
 * target/oozie-client/} at pre-integration-test); {@code OozieCliProcess} (src/test) runs
 * {@code org.apache.oozie.cli.OozieCLI} in its own JVM against any URL. {@code OozieClientCompatibilityIT} checks
 * this layer over an in-memory backend; {@code scheduler.OozieClientDaemonIT} drives the real daemon with real apps
 * (run, submit/start, info of jobs and actions, log, definition, configcontent, kill, suspend/resume, change,
 * rerun, ignore, dryrun, jobs with filters and bulk controls, errors, masked secrets) and checks its state.
 *
 * <h2>What the real client cannot do against the daemon</h2>
 * <ul>
 *   <li>{@code -suspend}/{@code -resume} of a workflow (the engine has no suspended run; E0303 says so), a
 *       workflow {@code -rerun} with new properties ({@code -config}/{@code -D} other than
 *       {@code oozie.wf.rerun.failnodes}/{@code skip.nodes} are not merged), {@code -update}, SLA commands,
 *       {@code -errorlog}/{@code -auditlog}, {@code -log … -logfilter}, {@code admin -queuedump}/{@code
 *       -configuration}/{@code -servers}.</li>
 *   <li>Filters: {@code jobs -filter} takes status, name and user (others are E0420, never ignored); {@code -info
 *       <coord> -filter} takes status (no {@code nominaltime>=…}).</li>
 *   <li>A bundle rerun with both {@code -coordinator} and {@code -date}; {@code -allruns} lists the action's one
 *       workflow (a rerun runs it again under its id, its run number grows).</li>
 * </ul>
 */
package dev.hadoopkit.workflow.server;
