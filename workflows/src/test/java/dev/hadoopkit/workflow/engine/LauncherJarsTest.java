package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Oozie's launcher library ({@code <system libpath>/[newest lib_<ts>/]oozie/*.jar}), as every launched action gets. */
@Timeout(30)
class LauncherJarsTest {
  @TempDir
  Path root;

  private Configuration withSystemLibpath(Path dir) {
    Configuration conf = new Configuration(false);
    conf.set(LibPaths.SYSTEM_LIBPATH, dir.toUri().toString());
    return conf;
  }

  @Test
  void takesTheOozieDirectoryOfTheNewestTimestampedSharelib() throws Exception {
    Files.createDirectories(root.resolve("lib_20200101000000/oozie"));
    Files.createFile(root.resolve("lib_20200101000000/oozie/old.jar"));
    Files.createDirectories(root.resolve("lib_20210226142100/oozie"));
    Files.createFile(root.resolve("lib_20210226142100/oozie/oozie-sharelib-oozie-5.2.1.jar"));
    Files.createFile(root.resolve("lib_20210226142100/oozie/README.txt"));
    Files.createDirectories(root.resolve("lib_20210226142100/pig"));
    Files.createFile(root.resolve("lib_20210226142100/pig/pig.jar"));

    assertEquals(List.of(root.resolve("lib_20210226142100/oozie/oozie-sharelib-oozie-5.2.1.jar").toString()),
        LibPaths.launcherJars(withSystemLibpath(root)));
  }

  @Test
  void noneWithoutASystemLibpathOrItsOozieDirectory() throws Exception {
    assertEquals(List.of(), LibPaths.launcherJars(new Configuration(false)));
    assertEquals(List.of(), LibPaths.launcherJars(withSystemLibpath(root.resolve("missing"))));
    Files.createDirectories(root.resolve("java"));
    Files.createFile(root.resolve("java/app.jar"));
    assertEquals(List.of(), LibPaths.launcherJars(withSystemLibpath(root)));
  }
}
