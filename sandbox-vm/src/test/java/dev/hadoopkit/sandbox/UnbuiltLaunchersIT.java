package dev.hadoopkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every launcher of bin/, copied into a repository without target/ directories, fails with exit 1 and the one
 * thing to do ("run mvn -B -DskipTests package first") instead of starting Java on a broken classpath.
 */
class UnbuiltLaunchersIT {
  private static final String HINT = "run mvn -B -DskipTests package first";

  @TempDir
  Path repo;

  @Test
  void eachLauncherNamesTheBuildWhenItsModuleIsNotBuilt() throws Exception {
    Path bin = Files.createDirectories(repo.resolve("bin"));
    try (Stream<Path> files = Files.list(Launchers.REPO.resolve("bin"))) {
      for (Path f : files.toList()) {
        Files.copy(f, bin.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Files.createDirectories(repo.resolve("conf"));
    List<List<String>> commands = List.of(List.of("hadoop", "jar", "x.jar"), List.of("hadoop", "fs", "-ls", "/"),
        List.of("hadoop", "version"), List.of("hadoop", "classpath"), List.of("hdfs", "dfs", "-ls", "/"),
        List.of("hdfs", "classpath"), List.of("yarn", "node", "-list"), List.of("mapred", "job", "-list"),
        List.of("sandbox", "status"), List.of("formats", "--help"), List.of("sqoop", "version"),
        List.of("ingest", "version"), List.of("workflow", "--help"), List.of("oozie", "--help"));
    for (List<String> command : commands) {
      List<String> cmd = new ArrayList<>(command);
      cmd.set(0, bin.resolve(command.get(0)).toString());
      Path out = repo.resolve("out.txt");
      Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command + " took over 60 s");
      }
      String output = read(out);
      assertEquals(1, p.exitValue(), command + ":\n" + output);
      assertTrue(output.contains(HINT), command + ":\n" + output);
      assertTrue(output.lines().count() == 1, command + " printed more than the hint:\n" + output);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
