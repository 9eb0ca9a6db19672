package dev.hadoopkit.ingest;

import dev.hadoopkit.ingest.cli.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** Runs one bin/sqoop command line in-process, capturing what it prints. */
public final class CliRun {
  public final int exit;
  public final String out;
  public final String err;

  private CliRun(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  public static CliRun run(Path hadoopTmp, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    if (hadoopTmp != null) {
      conf.set("hadoop.tmp.dir", hadoopTmp.toString());
    }
    int exit = new IngestMain(console).run(args, conf);
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Runs {@code sqoop job ARGS} with its metastore in {@code tmp/meta} and Hadoop's temporary files in
   * {@code tmp/hadoop-tmp}.
   */
  public static CliRun job(Path tmp, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "job";
    all[1] = "-D";
    all[2] = IngestKeys.METASTORE_DIR + "=" + tmp.resolve("meta");
    System.arraycopy(args, 0, all, 3, args.length);
    return run(tmp.resolve("hadoop-tmp"), all);
  }

  @Override
  public String toString() {
    return "exit=" + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
