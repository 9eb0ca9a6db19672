package dev.hadoopkit.workflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** What a launcher decides from its command and the job's configuration, without a cluster. */
class InLauncherDecisionsTest {
  private static final String J = LauncherAM.JAVA_PLACEHOLDER;
  private static final String CP = LauncherAM.CLASSPATH_PLACEHOLDER;

  @Test
  void aJavaCommandIsSplitIntoOptionsMainAndArguments() {
    JavaCommand command = JavaCommand.of(List.of(J, "-Xmx768m", "-Dk=v", "-cp", CP, "x.Main", "a", "-b"));
    assertEquals(List.of("-Xmx768m", "-Dk=v"), command.jvmOptions());
    assertEquals("x.Main", command.mainClass());
    assertEquals(List.of("a", "-b"), command.args());
    assertTrue(command.setsHeap());
    assertFalse(JavaCommand.of(List.of(J, "-classpath", CP, "x.Main")).setsHeap());
  }

  @Test
  void otherCommandsRunAsProcesses() {
    assertNull(JavaCommand.of(List.of("bash", "-c", "true", "x")), "a shell command");
    assertNull(JavaCommand.of(List.of(J, "-cp", "/some/path", "x.Main")), "a class path of its own");
    assertNull(JavaCommand.of(List.of(J, "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", CP, "x.Main")),
        "an option with a separate value");
    assertNull(JavaCommand.of(List.of(J, "-jar", "app.jar", "arg")), "-jar");
    assertNull(JavaCommand.of(List.of(J, "-Xmx1g", "-cp", CP)), "no main class");
  }

  @Test
  void aTasksHeapComesFromItsJavaOptsElseFromItsContainer() {
    Configuration conf = new Configuration(false);
    conf.setInt("mapreduce.map.memory.mb", 1000);
    conf.setInt("mapreduce.reduce.memory.mb", 500);
    assertEquals(800, InLauncherJobProvider.taskHeapMb(conf), "80 % of the larger container");
    conf.set("mapreduce.map.java.opts", "-Xmx256m -XX:+UseSerialGC -Xmx300m");
    conf.set("mapreduce.reduce.java.opts", "-Xmx1g");
    assertEquals(1024, InLauncherJobProvider.taskHeapMb(conf), "the last -Xmx of each, the larger of the two");
    conf.set("mapreduce.reduce.java.opts", "-Xmx262144k");
    assertEquals(300, InLauncherJobProvider.taskHeapMb(conf));
  }

  @Test
  void theDriversHeapAndContainerGrowOnlyWhenJobsMayRunInside() {
    Configuration conf = new Configuration(false);
    conf.setInt("mapreduce.map.memory.mb", 512);
    conf.setInt("mapreduce.reduce.memory.mb", 512);
    assertEquals("-Xmx128m", InLauncherJobProvider.driverHeap(conf, Map.of()));
    assertEquals(0, InLauncherJobProvider.extraContainerMb(conf, Map.of()));
    Map<String, String> job = Map.of(InLauncherJobProvider.INLINE, "true");
    assertEquals("-Xmx537m", InLauncherJobProvider.driverHeap(conf, job), "a task's 409 MB + the driver's 128");
    assertEquals(512, InLauncherJobProvider.extraContainerMb(conf, job));
    conf.setBoolean(InLauncherJobProvider.INLINE, false);
    assertEquals("-Xmx128m", InLauncherJobProvider.driverHeap(conf, job), "the action's configuration wins");
  }

  @Test
  void hadoopsUberTestDecidesWithTheLauncherAsApplicationMaster() {
    Configuration conf = new Configuration(false);
    conf.set("mapreduce.map.java.opts", "-Xmx1m"); // any driver heap fits
    conf.set("mapreduce.reduce.java.opts", "-Xmx1m");
    assertNull(new InLauncherJobProvider.JobSize(9, 1, 128L << 20).refusal(conf));
    assertEquals("about 10 maps, more than mapreduce.job.ubertask.maxmaps=9",
        new InLauncherJobProvider.JobSize(10, 1, 0).refusal(conf));
    assertEquals("2 reduces, more than mapreduce.job.ubertask.maxreduces=1",
        new InLauncherJobProvider.JobSize(1, 2, 0).refusal(conf));
    assertTrue(new InLauncherJobProvider.JobSize(1, 1, (128L << 20) + 1).refusal(conf)
        .startsWith("134217729 bytes of input, more than mapreduce.job.ubertask.maxbytes=134217728"));
    conf.set("dfs.blocksize", "256m"); // the default maxbytes is a block, written as sites write it
    assertNull(new InLauncherJobProvider.JobSize(1, 1, (128L << 20) + 1).refusal(conf));
    conf.setLong("mapreduce.job.ubertask.maxbytes", 10);
    conf.setInt("mapreduce.job.ubertask.maxmaps", 20);
    assertNull(new InLauncherJobProvider.JobSize(20, 0, 10).refusal(conf), "the job's own thresholds");
    conf.set("mapreduce.map.java.opts", "-Xmx1000g");
    assertTrue(new InLauncherJobProvider.JobSize(1, 0, 0).refusal(conf).startsWith("a task's heap (1024000 MB)"));
  }
}
