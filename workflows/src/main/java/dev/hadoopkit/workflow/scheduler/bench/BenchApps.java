package dev.hadoopkit.workflow.scheduler.bench;

import dev.hadoopkit.workflow.scheduler.SchedulerBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The apps and statistics the scheduler benchmarks share. */
final class BenchApps {
  /** Nominal times as a coordinator's start and end take them. */
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'")
      .withZone(ZoneOffset.UTC);

  private BenchApps() {
  }

  /** A workflow of one fs action: a mkdir of a directory that exists (one real FileSystem call, nothing else). */
  static Path workflowApp(Path work, String dirName, String appName) throws IOException {
    Path target = Files.createDirectories(work.resolve("target"));
    Path dir = Files.createDirectories(work.resolve("apps").resolve(dirName));
    Files.writeString(dir.resolve("workflow.xml"), """
        <workflow-app xmlns="uri:oozie:workflow:1.0" name="%s">
          <start to="make"/>
          <action name="make"><fs><mkdir path="%s"/></fs><ok to="end"/><error to="fail"/></action>
          <kill name="fail"><message>failed</message></kill>
          <end name="end"/>
        </workflow-app>
        """.formatted(appName, target.toUri()), StandardCharsets.UTF_8);
    return dir;
  }

  /** A per-minute coordinator from {@code ${start}} to {@code ${end}} running {@code ${appPath}}. */
  static Path coordinatorApp(Path work, String dirName, String name, String controls, String datasets,
      String inputs) throws IOException {
    Path dir = Files.createDirectories(work.resolve("apps").resolve(dirName));
    Files.writeString(dir.resolve("coordinator.xml"), """
        <coordinator-app name="%s" frequency="${coord:minutes(1)}" start="${start}" end="${end}" timezone="UTC"
            xmlns="uri:oozie:coordinator:0.4">
          <controls>%s</controls>
          %s
          %s
          <action><workflow><app-path>${appPath}</app-path></workflow></action>
        </coordinator-app>
        """.formatted(name, controls, datasets, inputs), StandardCharsets.UTF_8);
    return dir;
  }

  /**
   * A per-minute coordinator whose actions wait for the done-flag directory {@code <data>/yyyyMMddHHmm} of their
   * nominal minute.
   */
  static Path waitingCoordinatorApp(Path work, String dirName, String name, String controls, Path data,
      String initialInstance) throws IOException {
    return coordinatorApp(work, dirName, name, controls, """
        <datasets>
          <dataset name="in" frequency="${coord:minutes(1)}" initial-instance="%s" timezone="UTC">
            <uri-template>file://%s/${YEAR}${MONTH}${DAY}${HOUR}${MINUTE}</uri-template>
          </dataset>
        </datasets>""".formatted(initialInstance, data), """
        <input-events>
          <data-in name="input" dataset="in"><instance>${coord:current(0)}</instance></data-in>
        </input-events>""");
  }

  /** The done-flag directory of a waiting coordinator's action at {@code nominal}. */
  static Path flagDirectory(Path data, Instant nominal) {
    return data.resolve(MINUTE.format(nominal).replaceAll("[^0-9]", "").substring(0, 12));
  }

  /** The submission of a coordinator app from {@code start} to {@code end} running {@code workflowApp}. */
  static Map<String, String> coordinatorConf(Path coordinatorApp, Instant start, Instant end, Path workflowApp) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(SchedulerBackend.COORD_APP_PATH, coordinatorApp.toString());
    conf.put("start", MINUTE.format(start));
    conf.put("end", MINUTE.format(end));
    conf.put("appPath", workflowApp.toString());
    conf.put("user.name", System.getProperty("user.name"));
    return conf;
  }

  /** The p-th percentile (nearest rank) of the values; -1 when there are none. */
  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
