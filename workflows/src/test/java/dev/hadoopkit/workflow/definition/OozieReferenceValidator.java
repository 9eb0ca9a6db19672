package dev.hadoopkit.workflow.definition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real Apache Oozie 5.2.1's validator (module oozie-reference) in a JVM of its own: oozie-core brings Hadoop 2.6, so
 * it never joins this module's classpath. The module's {@code target/oozie-validator.classpath} (written at
 * generate-resources) and {@code target/classes} make the classpath; the runner answers one line per workflow.
 */
final class OozieReferenceValidator {
  /** Oozie's answer for one file: "OK", an error code (E0701 …) or "TIMEOUT", and its message. */
  record Verdict(String code, String message) {
    boolean accepted() {
      return "OK".equals(code);
    }
  }

  /** A workflow file and the job properties it is submitted with. */
  record Case(Path workflow, Path properties) {
  }

  private static final Path MODULE = Path.of("..", "oozie-reference").toAbsolutePath().normalize();

  private OozieReferenceValidator() {
  }

  /**
   * Validates every case with a {@code perFile} bound inside Oozie (its fork/join walk can be exponential) and an
   * overall bound on the JVM; the answers are keyed by workflow path.
   */
  static Map<Path, Verdict> validate(List<Case> cases, Duration perFile, Duration overall, Path work)
      throws IOException, InterruptedException {
    return validate(cases, perFile, overall, work, Map.of());
  }

  /**
   * The same with Oozie server settings (oozie-site properties, e.g. {@code oozie.actions.default.name-node}), given
   * to Oozie's ConfigurationService as the system properties it reads over oozie-default.xml.
   */
  static Map<Path, Verdict> validate(List<Case> cases, Duration perFile, Duration overall, Path work,
      Map<String, String> oozieSettings) throws IOException, InterruptedException {
    Path classpathFile = MODULE.resolve("target/oozie-validator.classpath");
    Path classes = MODULE.resolve("target/classes");
    if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(classes.resolve("dev/hadoopkit/oozieref"))) {
      throw new IllegalStateException("Oozie 5.2.1's validator is not built: " + classpathFile + " or " + classes
          + " is missing. Build it first: mvn -B -q -pl oozie-reference package (online once, to fetch"
          + " oozie-core 5.2.1 from Maven Central)");
    }
    String classpath = classes + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
    StringBuilder list = new StringBuilder();
    for (Case c : cases) {
      list.append(c.workflow()).append('\t').append(c.properties() == null ? "" : c.properties()).append('\n');
    }
    Path listFile = work.resolve("oozie-validator-list.tsv");
    Files.writeString(listFile, list);
    Path out = work.resolve("oozie-validator-out.tsv");
    Path err = work.resolve("oozie-validator-err.txt");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1"));
    oozieSettings.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-cp", classpath, "dev.hadoopkit.oozieref.OozieValidatorRunner", listFile.toString(),
        Long.toString(perFile.toMillis())));
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(overall.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Oozie's validator did not answer within " + overall + " (" + cases.size()
          + " files); its stderr: " + err);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("Oozie's validator exited " + process.exitValue() + ": "
          + tail(Files.readString(err, StandardCharsets.UTF_8)));
    }
    Map<Path, Verdict> verdicts = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t", 3);
      verdicts.put(Path.of(parts[0]), new Verdict(parts[1], parts.length > 2 ? parts[2] : ""));
    }
    List<Path> missing = new ArrayList<>();
    cases.forEach(c -> {
      if (!verdicts.containsKey(c.workflow())) {
        missing.add(c.workflow());
      }
    });
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Oozie's validator gave no answer for " + missing + "; stderr: "
          + tail(Files.readString(err, StandardCharsets.UTF_8)));
    }
    return verdicts;
  }

  private static String tail(String text) {
    return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
  }
}
