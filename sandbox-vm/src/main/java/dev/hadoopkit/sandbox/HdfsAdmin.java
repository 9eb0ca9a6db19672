package dev.hadoopkit.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;

/** HDFS administration the sandbox does for its user, through the real client API. */
final class HdfsAdmin {
  private HdfsAdmin() {
  }

  static Configuration clientConf(Path confDir) {
    Configuration conf = new Configuration();
    for (String f : new String[] {"core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml"}) {
      conf.addResource(new org.apache.hadoop.fs.Path(confDir.resolve(f).toUri()));
    }
    return conf;
  }

  static void leaveSafeMode(Path confDir) throws IOException {
    try (FileSystem fs = FileSystem.newInstance(clientConf(confDir))) {
      ((DistributedFileSystem) fs).setSafeMode(HdfsConstants.SafeModeAction.SAFEMODE_LEAVE);
    }
  }
}
