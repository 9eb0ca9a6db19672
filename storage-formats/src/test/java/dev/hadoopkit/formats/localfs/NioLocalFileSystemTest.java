package dev.hadoopkit.formats.localfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle is Hadoop's own local filesystem, which forks {@code chmod} and {@code ls -ld} for the same work. */
class NioLocalFileSystemTest {

  @TempDir
  java.nio.file.Path work;

  private final NioLocalFileSystem nio = new NioLocalFileSystem();
  private final RawLocalFileSystem hadoop = new RawLocalFileSystem();

  @BeforeEach
  void initialize() throws IOException {
    nio.initialize(java.net.URI.create("file:///"), new Configuration(false));
    hadoop.initialize(java.net.URI.create("file:///"), new Configuration(false));
  }

  @AfterEach
  void close() throws IOException {
    nio.close();
    hadoop.close();
  }

  @Test
  void setsThePermissionHadoopReadsBack() throws IOException {
    Path file = new Path(work.resolve("file").toUri());
    Files.writeString(work.resolve("file"), "x");
    Path directory = new Path(work.resolve("dir").toUri());
    Files.createDirectory(work.resolve("dir"));

    for (short mode : new short[] {0640, 0400, 0755}) {
      nio.setPermission(file, new FsPermission(mode));
      assertEquals(new FsPermission(mode), hadoop.getFileStatus(file).getPermission());
    }
    for (short mode : new short[] {0700, 01777, 0755}) {
      nio.setPermission(directory, new FsPermission(mode));
      assertEquals(new FsPermission(mode), hadoop.getFileStatus(directory).getPermission());
    }
  }

  @Test
  void createsFilesAndDirectoriesWithTheRequestedPermission() throws IOException {
    Path directory = new Path(work.resolve("staging").toUri());
    nio.mkdirs(directory, new FsPermission((short) 0700));
    Path file = new Path(directory, "job.xml");
    nio.create(file, new FsPermission((short) 0644), false, 4096, (short) 1, 1 << 20, null).close();

    assertEquals(new FsPermission((short) 0700), hadoop.getFileStatus(directory).getPermission());
    assertEquals(new FsPermission((short) 0644), hadoop.getFileStatus(file).getPermission());
  }

  @Test
  void statusesCarryWhatLsShows() throws IOException {
    Files.writeString(work.resolve("a"), "a");
    Files.writeString(work.resolve("b"), "bb");
    Files.createDirectory(work.resolve("c"));
    hadoop.setPermission(new Path(work.resolve("a").toUri()), new FsPermission((short) 0600));
    hadoop.setPermission(new Path(work.resolve("c").toUri()), new FsPermission((short) 01750));
    Path root = new Path(work.toUri());

    FileStatus[] expected = sorted(hadoop.listStatus(root));
    FileStatus[] actual = sorted(nio.listStatus(root));
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertSameStatus(expected[i], actual[i]);
      assertSameStatus(hadoop.getFileStatus(expected[i].getPath()), nio.getFileStatus(actual[i].getPath()));
    }
  }

  @Test
  void isUsedUnlessTheUserChoseAFilesystem() {
    Configuration conf = new Configuration();
    NioLocalFileSystem.useUnlessChosen(conf, "test");
    assertEquals(NioLocalFileSystem.class.getName(), conf.get("fs.file.impl"));

    Configuration chosen = new Configuration();
    chosen.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    NioLocalFileSystem.useUnlessChosen(chosen, "test");
    assertEquals("org.apache.hadoop.fs.LocalFileSystem", chosen.get("fs.file.impl"));
  }

  @Test
  void isTheLocalFilesystemHadoopHandsOut() throws IOException {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    try (FileSystem local = FileSystem.getLocal(conf)) {
      assertInstanceOf(NioLocalFileSystem.class, local);
    }
  }

  private static void assertSameStatus(FileStatus expected, FileStatus actual) {
    assertEquals(expected.getPath(), actual.getPath());
    assertEquals(expected.getLen(), actual.getLen());
    assertEquals(expected.isDirectory(), actual.isDirectory());
    assertEquals(expected.getModificationTime(), actual.getModificationTime());
    assertEquals(expected.getPermission(), actual.getPermission(), () -> "permission of " + expected.getPath());
    assertEquals(expected.getOwner(), actual.getOwner());
    assertEquals(expected.getGroup(), actual.getGroup());
  }

  private static FileStatus[] sorted(FileStatus[] statuses) {
    FileStatus[] copy = statuses.clone();
    Arrays.sort(copy, Comparator.comparing(FileStatus::getPath));
    return copy;
  }
}
