package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.DataAvailability;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Whether a dataset instance's file or done flag exists, on whatever Hadoop FileSystem its URI names. */
final class HadoopAvailability implements DataAvailability {
  private final Configuration conf;

  HadoopAvailability(Configuration conf) {
    this.conf = conf;
  }

  @Override
  public boolean exists(String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf); // cached per scheme and authority by Hadoop
    return fs.exists(p);
  }
}
