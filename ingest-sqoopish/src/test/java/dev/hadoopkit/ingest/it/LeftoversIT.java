package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.Leftovers;
import dev.hadoopkit.ingest.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work directories of killed imports and exports are removed by the next run of the same target once their owner is
 * gone, and the run says so in one line (issue 15 defect 9). Live owners, other hosts and unmarked ones stay.
 */
class LeftoversIT {
  @RegisterExtension
  static final ScratchDatabase DB = ScratchDatabase.mariaDb("hk_it_left", (c, s) -> {
    s.execute("CREATE TABLE small (id INT PRIMARY KEY, name VARCHAR(20))");
    s.execute("INSERT INTO small VALUES (1,'a'),(2,'b'),(3,'c')");
    s.execute("CREATE TABLE small_copy (id INT PRIMARY KEY, name VARCHAR(20))");
  });

  @TempDir
  Path tmp;

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return p.pid();
  }

  private static Path leftover(Path parent, String name, Leftovers.Owner owner) throws Exception {
    Path dir = parent.resolve(name);
    FileSystem fs = FileSystem.getLocal(new Configuration());
    if (owner != null) {
      Leftovers.claim(fs, new org.apache.hadoop.fs.Path(dir.toUri()), owner);
    } else {
      Files.createDirectories(dir);
    }
    Files.write(dir.resolve("part-m-00000"), new byte[4096]);
    return dir;
  }

  @Test
  void nextImportAndExportRemoveLeftoversWhoseOwnerIsGone() throws Exception {
    Leftovers.Owner self = Leftovers.Owner.current();
    Path dead = leftover(tmp, ".small.hk-import-dead0001", new Leftovers.Owner(self.host(), deadPid(), "2026-01-01T00:00:00Z"));
    Path reused = leftover(tmp, ".small.hk-import-reused01", new Leftovers.Owner(self.host(), self.pid(), "2001-01-01T00:00:00Z"));
    Path live = leftover(tmp, ".small.hk-import-live0001", self);
    Path elsewhere = leftover(tmp, ".small.hk-import-other001", new Leftovers.Owner("another-host", deadPid(), ""));
    Path unmarked = leftover(tmp, ".small.hk-import-nomark01", null);
    // killed between creating the directory and writing its record: the name says whose it was
    Path unrecordedDead = leftover(tmp, Leftovers.workName("small", ".hk-import-",
        new Leftovers.Owner(self.host(), deadPid(), "")), null);
    Path unrecordedLive = leftover(tmp, Leftovers.workName("small", ".hk-import-", self), null);
    Path target = tmp.resolve("small");
    CliRun r = CliRun.run(tmp.resolve("hadoop-tmp"), "import", "--connect", DB.url(), "--username", "root", "--table", "small",
        "-m", "1", "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    assertFalse(Files.exists(dead), "dead owner");
    assertFalse(Files.exists(reused), "pid reused by another process");
    assertFalse(Files.exists(unrecordedDead), "no record, but its name names a dead process of this host");
    assertTrue(Files.exists(live) && Files.exists(elsewhere) && Files.exists(unmarked)
        && Files.exists(unrecordedLive), r.toString());
    assertEquals(1, r.err.lines().filter(l -> l.contains("leftover")).count(), r.err);
    assertTrue(r.err.contains("INFO  Removed 3 leftovers of killed runs next to file:" + target + ": "), r.err);
    assertFalse(Files.exists(target.resolve(Leftovers.OWNER_FILE)), "the owner record stays out of the target");
    try (var files = Files.list(tmp)) {
      assertEquals(4, files.filter(f -> f.getFileName().toString().startsWith(".small.hk-import-")).count(),
          "this run's own work directory is gone");
    }

    Path exportLeftover = leftover(tmp, ".small.hk-export-dead0002", new Leftovers.Owner(self.host(), deadPid(), ""));
    CliRun e = CliRun.run(tmp.resolve("hadoop-tmp"), "export", "--connect", DB.url(), "--username", "root", "--table",
        "small_copy", "-m", "1", "--export-dir", target.toString());
    assertEquals(0, e.exit, e.toString());
    assertFalse(Files.exists(exportLeftover), e.toString());
    assertTrue(e.err.contains("INFO  Removed 1 leftover of killed runs next to file:" + target + ": .small.hk-export-dead0002"),
        e.err);
  }
}
