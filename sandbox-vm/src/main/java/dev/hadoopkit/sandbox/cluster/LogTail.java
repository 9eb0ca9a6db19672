package dev.hadoopkit.sandbox.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a daemon's log, for reports of a daemon that died. */
public final class LogTail {
  private LogTail() {
  }

  public static String of(Path log, int lines) {
    if (!Files.isRegularFile(log)) {
      return "    (no log at " + log + ")";
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      long start = Math.max(0, len - 64 * 1024);
      byte[] buf = new byte[(int) (len - start)];
      f.seek(start);
      f.readFully(buf);
      List<String> all = Arrays.asList(new String(buf, StandardCharsets.UTF_8).split("\n"));
      List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
      StringBuilder sb = new StringBuilder();
      for (String l : tail) {
        sb.append("    | ").append(l).append('\n');
      }
      return sb.toString().stripTrailing();
    } catch (IOException e) {
      return "    (cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
