package dev.hadoopkit.workflow.scheduler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The workflow app the scheduler and console tests run: one fs action making the directory {@code ${output}}. */
public final class MkdirWorkflow {
  private MkdirWorkflow() {
  }

  /** Writes {@code dir/workflow.xml}; {@code name} goes into the XML as given (escape it first when it needs to be). */
  public static Path write(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("workflow.xml"), """
        <workflow-app xmlns="uri:oozie:workflow:0.5" name="%s">
          <start to="make"/>
          <action name="make">
            <fs><mkdir path="${output}"/></fs>
            <ok to="end"/><error to="fail"/>
          </action>
          <kill name="fail"><message>failed: ${wf:errorMessage(wf:lastErrorNode())}</message></kill>
          <end name="end"/>
        </workflow-app>
        """.formatted(name), StandardCharsets.UTF_8);
    return dir;
  }
}
