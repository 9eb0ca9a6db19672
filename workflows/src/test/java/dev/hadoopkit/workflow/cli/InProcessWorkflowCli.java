package dev.hadoopkit.workflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** {@code bin/workflow} in this JVM: the local file system, a state directory under {@code root}, output kept. */
final class InProcessWorkflowCli {
  private InProcessWorkflowCli() {
  }

  static int run(Path root, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    return new WorkflowCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("HK_WORKFLOW_STATE_DIR", root.resolve("state").toString())).withConf(conf).run(args);
  }
}
