package dev.hadoopkit.ingest.testdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of the embedded servers' directories at JVM exit. */
final class TempFiles {
  private TempFiles() {
  }

  static void deleteQuietly(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left behind under the temp directory; nothing else to do at exit
        }
      });
    } catch (IOException e) {
      System.err.println("Could not remove " + root + ": " + e.getMessage());
    }
  }
}
