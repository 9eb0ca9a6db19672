package dev.hadoopkit.jobs.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads a job's text output the way its order is defined: part files in name order, lines in file order. */
public final class OutputFiles {

  private OutputFiles() {
  }

  public static List<String[]> readRows(Configuration conf, Path directory) throws IOException {
    FileSystem fs = directory.getFileSystem(conf);
    FileStatus[] parts = fs.listStatus(directory, path -> path.getName().startsWith("part-"));
    Arrays.sort(parts, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    List<String[]> rows = new ArrayList<>();
    for (FileStatus part : parts) {
      if (BinaryRows.isBinary(conf, part.getPath())) {
        BinaryRows.read(conf, part.getPath(), rows);
        continue;
      }
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(part.getPath()), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          rows.add(line.split("\t", -1));
        }
      }
    }
    return rows;
  }
}
