package dev.hadoopkit.workflow.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.URL;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * Submits a {@link LauncherAM} application for one action with {@link YarnClient}, waits for it, and kills it (and
 * the jobs it started, found by their tag). The launcher's files go to the request's staging directory on the
 * cluster's file system first; local files are uploaded there, cluster files are localized where they are.
 */
public final class YarnLauncher implements AutoCloseable {
  /** Memory of the launcher container: the AM and the action's own JVM (its -Xmx from java-opts) share it. */
  public static final String MEMORY_MB = "hk.workflow.launcher.memory.mb";
  public static final int DEFAULT_MEMORY_MB = 512;
  /**
   * The launchers' queue (default: the action's mapreduce.job.queuename). Launchers are ApplicationMasters: in the
   * queue of their jobs they take the AM share those jobs need, so a queue of their own avoids a fork's launchers
   * starving their jobs (as Oozie's oozie.launcher.mapreduce.job.queuename).
   */
  public static final String QUEUE = "hk.workflow.launcher.queue";
  /**
   * True (default): an action whose command is a Java main ({@link JavaCommand}: java, map-reduce and sqoop drivers)
   * runs it inside the launcher's JVM, started with the main's JVM options; false: as a second process.
   */
  public static final String IN_JVM = "hk.workflow.launcher.in-jvm";
  /**
   * True (default on a cluster, false on a MiniYARNCluster, whose class path has the tests' class directories): the
   * launcher's JVM maps a class-sharing archive of its classes that the first launcher of the same jars recorded on
   * its node ({@link LauncherScript}).
   */
  public static final String CDS = "hk.workflow.launcher.cds";
  /** The nodes' directory for those archives (default /tmp/hadoopkit-launcher-cds-&lt;user&gt;, mode 700). */
  public static final String CDS_DIR = "hk.workflow.launcher.cds.dir";
  /** True: the launcher's staging directory stays on the cluster after the action (to debug a launcher). */
  public static final String KEEP_STAGING = "hk.workflow.launcher.keep.staging";

  private final Configuration conf;
  private final YarnClient yarn;

  public YarnLauncher(Configuration conf) {
    this.conf = new YarnConfiguration(conf);
    // submitApplication polls the new application's report until YARN has accepted it, every 200 ms by default: an
    // action that just missed the first poll waits 200 ms for nothing; 20 ms unless the cluster's configuration says
    for (String poll : List.of(YarnConfiguration.YARN_CLIENT_APP_SUBMISSION_POLL_INTERVAL_MS,
        YarnConfiguration.YARN_CLIENT_APPLICATION_CLIENT_PROTOCOL_POLL_INTERVAL_MS)) {
      String[] sources = this.conf.getPropertySources(poll);
      if (sources == null || List.of(sources).stream().allMatch(source -> source.endsWith("-default.xml"))) {
        this.conf.setLong(poll, SUBMIT_POLL_MILLIS);
      }
    }
    this.yarn = YarnClient.createYarnClient();
    yarn.init(this.conf);
    yarn.start();
  }

  /** Stages the files and submits the launcher; returns its application id. */
  public ApplicationId submit(LaunchRequest request) throws IOException, YarnException {
    Path staging = new Path(request.stagingDir());
    FileSystem fs = staging.getFileSystem(conf);
    if (fs.exists(staging)) {
      fs.delete(staging, true); // an earlier attempt of this action: its result must not be taken for this one's
    }
    Map<String, LocalResource> resources = new HashMap<>();
    Map<String, byte[]> embedded = new java.util.LinkedHashMap<>();
    // a jar localized for this application only lives as long as it: no archive can name it (LauncherScript)
    boolean applicationJars = false;
    for (Map.Entry<String, String> file : request.files().entrySet()) {
      Path source = new Path(file.getValue());
      if (source.toUri().getScheme() == null || "file".equals(source.toUri().getScheme())) {
        java.io.File local = new java.io.File(source.toUri().getPath());
        if (local.isFile() && local.length() <= EMBED_MAX_BYTES && LauncherScript.embeddable(file.getKey())
            && !file.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
          embedded.put(file.getKey(), java.nio.file.Files.readAllBytes(local.toPath()));
          continue;
        }
        Path remote = new Path(staging, "files/" + file.getKey());
        fs.copyFromLocalFile(false, true, new Path(new java.io.File(source.toUri().getPath()).toURI()), remote);
        resources.put(file.getKey(), resource(remote, LocalResourceVisibility.APPLICATION));
        applicationJars |= file.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
      } else {
        // already on the cluster (the app's lib/): PRIVATE, so a NodeManager localizes it once for all actions
        resources.put(file.getKey(), resource(source, LocalResourceVisibility.PRIVATE));
      }
    }
    // one listing of the shared jars instead of an exists and a status call per jar (a sqoop launcher ships ~40)
    Path sharedDir = fs.makeQualified(new Path(fs.getHomeDirectory(), SHARED_DIR));
    Map<String, FileStatus> uploaded = new HashMap<>();
    if (!request.sharedJars().isEmpty() && fs.exists(sharedDir)) {
      for (FileStatus status : fs.listStatus(sharedDir)) {
        uploaded.put(status.getPath().getName(), status);
      }
    }
    Set<String> sharedFiles = new java.util.HashSet<>();
    for (Map.Entry<String, String> jar : request.sharedJars().entrySet()) {
      java.io.File local = new java.io.File(jar.getValue());
      if (!sharedFiles.add(local.getCanonicalPath())) {
        continue; // the engine under two names (its launcher jar, one of its libraries): one link, one class path entry
      }
      FileStatus status = uploaded.get(sharedName(local));
      if (status == null) {
        status = fs.getFileStatus(shared(fs, local));
      }
      resources.put(jar.getKey(), LocalResource.newInstance(URL.fromPath(fs.makeQualified(status.getPath())),
          LocalResourceType.FILE, LocalResourceVisibility.PRIVATE, status.getLen(), status.getModificationTime()));
    }
    Properties properties = new Properties();
    properties.setProperty("arg.count", String.valueOf(request.command().size()));
    for (int i = 0; i < request.command().size(); i++) {
      properties.setProperty("arg." + i, request.command().get(i));
    }
    // The launcher talks to the scheduler the engine submitted to, not to whatever its node's yarn-site names.
    properties.setProperty(YarnConfiguration.RM_SCHEDULER_ADDRESS, conf.get(YarnConfiguration.RM_SCHEDULER_ADDRESS,
        YarnConfiguration.DEFAULT_RM_SCHEDULER_ADDRESS));
    properties.setProperty("result.dir", fs.makeQualified(new Path(staging, "result")).toString());
    JavaCommand inJvm = conf.getBoolean(IN_JVM, true) ? JavaCommand.of(request.command()) : null;
    if (inJvm != null && !inJvm.jvmOptions().stream().allMatch(LauncherScript::plain)) {
      inJvm = null; // an option the launch script would have to escape: run the main as its own process
    }
    properties.setProperty(LauncherAM.IN_JVM, String.valueOf(inJvm != null));
    java.io.ByteArrayOutputStream spec = new java.io.ByteArrayOutputStream();
    properties.store(spec, "hadoopkit launcher: " + request.name());
    embedded.put(LauncherAM.SPEC_FILE, spec.toByteArray());

    YarnClientApplication app = yarn.createApplication();
    ApplicationSubmissionContext context = app.getApplicationSubmissionContext();
    context.setApplicationName(request.name());
    context.setApplicationType("HK-LAUNCHER");
    context.setApplicationTags(Set.of(request.tag()));
    context.setMaxAppAttempts(1); // an action is retried by the engine's retry-max, never behind its back
    context.setKeepContainersAcrossApplicationAttempts(false);
    if (request.queue() != null && !request.queue().isBlank()) {
      context.setQueue(request.queue());
    }
    context.setResource(Resource.newInstance(conf.getInt(MEMORY_MB, DEFAULT_MEMORY_MB), 1));
    Map<String, String> env = new HashMap<>(request.env());
    env.put(ApplicationConstants.Environment.CLASSPATH.name(), classpath(request));
    List<String> jvmOptions = new ArrayList<>();
    if (inJvm == null) {
      jvmOptions.addAll(List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    } else {
      if (!inJvm.setsHeap()) {
        jvmOptions.add("-Xmx192m");
      }
      jvmOptions.addAll(inJvm.jvmOptions());
    }
    Path script = new Path(staging, SCRIPT_FILE);
    try (OutputStream out = fs.create(script, true)) {
      out.write(LauncherScript.of(jvmOptions, LauncherAM.class.getName(),
          applicationJars ? null : classSharingDir(), embedded)
          .getBytes(StandardCharsets.UTF_8));
    }
    resources.put(SCRIPT_FILE, resource(script, LocalResourceVisibility.APPLICATION));
    String command = "/bin/bash " + SCRIPT_FILE
        + " 1>" + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/stdout"
        + " 2>" + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/stderr";
    context.setAMContainerSpec(ContainerLaunchContext.newInstance(resources, env, List.of(command), null,
        tokens(request.secrets()), null));
    return yarn.submitApplication(context);
  }

  /**
   * Waits until the launcher ends (polling its report; {@code stop} true ends the wait) and reads its result; the
   * tracking URL goes to {@code tracking} once YARN knows it.
   */
  public LaunchResult await(ApplicationId id, String stagingDir, java.util.function.BooleanSupplier stop,
      Consumer<String> tracking) throws IOException, YarnException, InterruptedException {
    Set<YarnApplicationState> done = EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED,
        YarnApplicationState.KILLED);
    Path result = new Path(stagingDir, "result");
    FileSystem fs = result.getFileSystem(conf);
    Path resultFile = new Path(result, LauncherAM.RESULT_FILE);
    // The result file is the launcher's last write, so its existence (one NameNode call) ends the wait: no need to
    // wait for the container to exit and YARN to notice. Polled every 50 ms at most (an action's end is seen 25 ms
    // later on average); the application's report (a failed or killed launcher, its tracking URL) every fourth poll.
    long sleep = 25;
    boolean tracked = false;
    ApplicationReport report = null;
    for (int poll = 0; ; poll++) {
      if (poll % REPORT_EVERY_POLLS == 0) {
        report = yarn.getApplicationReport(id);
        if (!tracked && report.getTrackingUrl() != null && !report.getTrackingUrl().isBlank()) {
          tracking.accept(report.getTrackingUrl());
          tracked = true;
        }
        if (done.contains(report.getYarnApplicationState())) {
          break;
        }
      }
      if (stop.getAsBoolean() || fs.exists(resultFile)) {
        break;
      }
      Thread.sleep(sleep);
      sleep = Math.min(POLL_MAX_MILLIS, sleep * 2);
    }
    Integer exit = null;
    String classSharing = null;
    Properties properties = new Properties();
    try (InputStream in = fs.open(resultFile)) {
      properties.load(in);
      exit = Integer.valueOf(properties.getProperty("exit"));
      classSharing = properties.getProperty(LauncherAM.CLASS_SHARING);
    } catch (java.io.FileNotFoundException e) {
      // the launcher ended (failed, killed) or the wait was stopped before it wrote its result
    }
    return new LaunchResult(id.toString(), exit, report.getDiagnostics(), fs.makeQualified(result).toString(),
        classSharing);
  }

  /**
   * The secrets as the container's credentials: the NodeManager writes them to the container's private token file
   * ({@code HADOOP_TOKEN_FILE_LOCATION}), which the launcher's child process inherits; no staged file and no command
   * line holds them. Null without secrets.
   */
  private static java.nio.ByteBuffer tokens(Map<String, String> secrets) throws IOException {
    if (secrets.isEmpty()) {
      return null;
    }
    org.apache.hadoop.security.Credentials credentials = new org.apache.hadoop.security.Credentials();
    secrets.forEach((alias, value) -> credentials.addSecretKey(new org.apache.hadoop.io.Text(alias),
        value.getBytes(StandardCharsets.UTF_8)));
    org.apache.hadoop.io.DataOutputBuffer buffer = new org.apache.hadoop.io.DataOutputBuffer();
    credentials.writeTokenStorageToStream(buffer);
    return java.nio.ByteBuffer.wrap(buffer.getData(), 0, buffer.getLength());
  }

  /** The archive directory for {@link LauncherScript}: null without class sharing, empty for the default one. */
  private String classSharingDir() throws IOException {
    if (!conf.getBoolean(CDS, !conf.getBoolean(YarnConfiguration.IS_MINI_YARN_CLUSTER, false))) {
      return null;
    }
    try {
      return LauncherScript.archiveDirectory(conf.getTrimmed(CDS_DIR, ""));
    } catch (IllegalArgumentException e) {
      throw new IOException(CDS_DIR + " " + e.getMessage() + " (or set " + CDS + "=false)", e);
    }
  }

  private static final String SCRIPT_FILE = "launcher.sh";
  /** Local files up to this size (an action's configuration) travel inside the launcher's script, not as files. */
  private static final long EMBED_MAX_BYTES = 256 * 1024;
  private static final long POLL_MAX_MILLIS = 50;
  private static final int REPORT_EVERY_POLLS = 4;
  private static final long SUBMIT_POLL_MILLIS = 20;

  /** Kills one application unless it has ended already (a launcher a dead engine left behind). */
  public void killIfRunning(String applicationId) throws IOException, YarnException {
    ApplicationId id = ApplicationId.fromString(applicationId);
    YarnApplicationState state = yarn.getApplicationReport(id).getYarnApplicationState();
    if (!EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED)
        .contains(state)) {
      yarn.killApplication(id);
    }
  }

  /** Kills every unfinished application with the tag: the launcher, then the jobs it submitted. */
  public List<String> killTagged(String tag) throws IOException, YarnException {
    List<String> killed = new ArrayList<>();
    for (ApplicationReport report : yarn.getApplications(null, EnumSet.of(YarnApplicationState.NEW,
        YarnApplicationState.NEW_SAVING, YarnApplicationState.SUBMITTED, YarnApplicationState.ACCEPTED,
        YarnApplicationState.RUNNING), Set.of(tag.toLowerCase(java.util.Locale.ROOT)))) {
      yarn.killApplication(report.getApplicationId());
      killed.add(report.getApplicationId().toString());
    }
    return killed;
  }

  /** Deletes the launcher's staging directory (its files and result) once the engine has what it needs. */
  public void clean(String stagingDir) throws IOException {
    if (conf.getBoolean(KEEP_STAGING, false)) {
      return;
    }
    Path dir = new Path(stagingDir);
    dir.getFileSystem(conf).delete(dir, true);
  }

  /** Copies a result file (stdout, stderr, output.properties) to a local file; false when the launcher wrote none. */
  public boolean fetch(String resultDir, String name, java.nio.file.Path local) throws IOException {
    return fetch(resultDir, Map.of(name, local)).contains(name);
  }

  /**
   * Copies the result files the launcher wrote (name to local file) and returns their names: one listing of the
   * result directory, then one read per file it holds (no existence check per file on the action's critical path).
   */
  public Set<String> fetch(String resultDir, Map<String, java.nio.file.Path> files) throws IOException {
    Path dir = new Path(resultDir);
    FileSystem fs = dir.getFileSystem(conf);
    Set<String> present = new java.util.HashSet<>();
    try {
      for (FileStatus status : fs.listStatus(dir)) {
        present.add(status.getPath().getName());
      }
    } catch (java.io.FileNotFoundException e) {
      return Set.of(); // the launcher never got as far as its result
    }
    Set<String> fetched = new java.util.LinkedHashSet<>();
    for (Map.Entry<String, java.nio.file.Path> file : files.entrySet()) {
      if (present.contains(file.getKey())) {
        try (InputStream in = fs.open(new Path(dir, file.getKey()))) {
          java.nio.file.Files.copy(in, file.getValue(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        fetched.add(file.getKey());
      }
    }
    return fetched;
  }

  /**
   * A local jar every launcher needs (this engine's), uploaded once under {@code ~/.hk-launcher/lib/} with its size
   * and date in the name: later launchers reuse it, and NodeManagers keep their localized copy.
   */
  private static Path shared(FileSystem fs, java.io.File jar) throws IOException {
    String name = sharedName(jar);
    Path target = fs.makeQualified(new Path(fs.getHomeDirectory(), SHARED_DIR + "/" + name));
    if (!fs.exists(target)) {
      Path tmp = new Path(target.getParent(), "." + name + "." + java.util.UUID.randomUUID() + ".tmp");
      fs.copyFromLocalFile(false, true, new Path(jar.toURI()), tmp);
      if (!fs.rename(tmp, target)) {
        fs.delete(tmp, false); // another engine uploaded the same jar meanwhile
      }
    }
    return target;
  }

  /** Where the shared jars are uploaded, under the user's home on the cluster's file system. */
  private static final String SHARED_DIR = ".hk-launcher/lib";

  /** A shared jar's name on the cluster: its size and date in it, so a rebuilt jar is a new file. */
  private static String sharedName(java.io.File jar) {
    return jar.getName().replaceAll("\\.jar$", "") + "-" + jar.length() + "-" + jar.lastModified() + ".jar";
  }

  private LocalResource resource(Path path, LocalResourceVisibility visibility) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    FileStatus status = fs.getFileStatus(path);
    // FILE localizes a directory too (recursively), under its link name
    return LocalResource.newInstance(URL.fromPath(fs.makeQualified(path)), LocalResourceType.FILE,
        visibility, status.getLen(), status.getModificationTime());
  }

  /**
   * The container's class path: its working directory, the shared jars, the files' jars (each in the request's order:
   * the engine's classes before a copy an app's jar may bundle), then the cluster's Hadoop
   * ({@code yarn.application.classpath}); on a MiniYARNCluster, whose nodes have no Hadoop installation, the test
   * JVM's own class path (as Hadoop's distributed shell does).
   */
  private String classpath(LaunchRequest request) {
    String sep = ApplicationConstants.CLASS_PATH_SEPARATOR;
    String pwd = ApplicationConstants.Environment.PWD.$$();
    StringBuilder cp = new StringBuilder(pwd);
    java.util.stream.Stream.concat(request.sharedJars().keySet().stream(), request.files().keySet().stream())
        .filter(name -> name.toLowerCase(java.util.Locale.ROOT).endsWith(".jar") && !name.contains("/"))
        .distinct()
        .forEach(name -> cp.append(sep).append(pwd).append('/').append(name));
    for (String entry : conf.getTrimmedStrings(YarnConfiguration.YARN_APPLICATION_CLASSPATH,
        YarnConfiguration.DEFAULT_YARN_CROSS_PLATFORM_APPLICATION_CLASSPATH)) {
      cp.append(sep).append(entry);
    }
    if (conf.getBoolean(YarnConfiguration.IS_MINI_YARN_CLUSTER, false)) {
      cp.append(sep).append(System.getProperty("java.class.path").replace(java.io.File.pathSeparator, sep));
    }
    return cp.toString();
  }

  @Override
  public void close() {
    yarn.stop();
  }
}
