package dev.hadoopkit.jobs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hadoopkit.formats.localfs.NioLocalFileSystem;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class LocalModeTest {

  @Test
  void localModeUsesTheNioFilesystemUnlessTheUserChoseOne() {
    Configuration conf = new Configuration();
    LocalMode.tune(conf);
    assertEquals(NioLocalFileSystem.class.getName(), conf.get("fs.file.impl"));

    Configuration chosen = new Configuration();
    chosen.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    LocalMode.tune(chosen);
    assertEquals("org.apache.hadoop.fs.LocalFileSystem", chosen.get("fs.file.impl"));
  }

  @Test
  void aClusterKeepsHadoopsLocalFilesystem() {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "yarn");
    LocalMode.tune(conf);
    assertNotEquals(NioLocalFileSystem.class.getName(), conf.get("fs.file.impl"));
  }
}
