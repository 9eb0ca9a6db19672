package dev.hadoopkit.ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.ingest.commands.SavedJobsCommand;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metastore lives under $HOME when it is set (sudo -E, containers: user.home may be another user's home). */
class MetastoreHomeTest {
  @Test
  void homeEnvironmentVariableWinsOverUserHome() {
    assertEquals(Path.of("/home/etl/.sqoop/hadoopkit-jobs"),
        SavedJobsCommand.defaultMetastoreDir(Map.of("HOME", "/home/etl"), "/root"));
    assertEquals(Path.of("/root/.sqoop/hadoopkit-jobs"), SavedJobsCommand.defaultMetastoreDir(Map.of(), "/root"));
    assertEquals(Path.of("/root/.sqoop/hadoopkit-jobs"), SavedJobsCommand.defaultMetastoreDir(Map.of("HOME", " "), "/root"));
  }
}
