package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.WorkflowApp;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads {@code -config}: a job.properties file, or a Hadoop configuration XML (Oozie accepts both). */
final class JobProperties {
  private JobProperties() {
  }

  static Map<String, String> read(String file) throws WorkflowException {
    Map<String, String> out = new LinkedHashMap<>();
    if (file == null) {
      return out;
    }
    Path path = Path.of(file);
    try {
      if (file.endsWith(".xml")) {
        return WorkflowApp.readConfiguration(Files.readAllBytes(path), file);
      }
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      properties.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, properties.getProperty(k).trim()));
      return out;
    } catch (IOException e) {
      throw new WorkflowException(ErrorCode.E0710, Location.of(file), "cannot read the job configuration: "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    }
  }
}
