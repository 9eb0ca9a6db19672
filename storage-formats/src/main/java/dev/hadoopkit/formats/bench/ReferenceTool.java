package dev.hadoopkit.formats.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The reference tools of Maven Central (avro-tools, orc-tools, parquet-cli), each run as its own JVM on its own
 * classpath: they bring their own Hadoop, Avro, Parquet and ORC, which must never meet this module's. The module
 * {@code reference-tools} resolves them and writes one {@code <tool>.classpath} file per tool into its
 * {@code target/}; {@link #DIRECTORY_PROPERTY} names that directory ({@code bin/formats} and the failsafe
 * configuration set it).
 */
public enum ReferenceTool {
  AVRO_TOOLS("avro-tools", "org.apache.avro.tool.Main"),
  ORC_TOOLS("orc-tools", "org.apache.orc.tools.Driver"),
  PARQUET_CLI("parquet-cli", "org.apache.parquet.cli.Main");

  /** System property: the directory holding the {@code <tool>.classpath} files. */
  public static final String DIRECTORY_PROPERTY = "hadoopkit.reference-tools.dir";

  private final String toolName;
  private final String mainClass;

  ReferenceTool(String toolName, String mainClass) {
    this.toolName = toolName;
    this.mainClass = mainClass;
  }

  public String toolName() {
    return toolName;
  }

  /** The directory named by {@link #DIRECTORY_PROPERTY}, or a message saying how to get one. */
  public static Path directory() throws IOException {
    String value = System.getProperty(DIRECTORY_PROPERTY);
    if (value == null || value.isEmpty()) {
      throw new IOException("Cannot find the reference tools: system property " + DIRECTORY_PROPERTY
          + " is not set (bin/formats sets it to reference-tools/target)");
    }
    return Paths.get(value);
  }

  /** This tool's classpath as the reference-tools module wrote it, every jar checked to exist. */
  public String classpath() throws IOException {
    Path file = directory().resolve(toolName + ".classpath");
    if (!Files.isRegularFile(file)) {
      throw new IOException("Cannot find " + file + ": build the reference-tools module first "
          + "(from the repository root: mvn -B -DskipTests package)");
    }
    String classpath = Files.readString(file, StandardCharsets.UTF_8).trim();
    for (String jar : classpath.split(java.io.File.pathSeparator)) {
      if (!Files.isRegularFile(Paths.get(jar))) {
        throw new IOException("Cannot find " + jar + " of " + toolName + " (listed in " + file
            + "): the local Maven repository changed; rebuild the reference-tools module (mvn -B -DskipTests package)");
      }
    }
    return classpath;
  }

  /** {@code java <jvmOptions> -cp <classpath> <main> <arguments>} with this JVM's java executable. */
  public List<String> command(List<String> jvmOptions, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }

  /** Runs the tool to completion in {@code workDirectory}; stdout and stderr are kept whole (callers keep them small). */
  public Result run(Path workDirectory, List<String> jvmOptions, List<String> arguments, long timeoutSeconds) throws IOException {
    return run(workDirectory, jvmOptions, arguments, timeoutSeconds, null);
  }

  /**
   * As {@link #run(Path, List, List, long)}, with stdout written to {@code stdoutFile} when it is not null (avro-tools
   * fromjson writes its Avro file there); the result's {@code out} is then empty.
   */
  public Result run(Path workDirectory, List<String> jvmOptions, List<String> arguments, long timeoutSeconds, Path stdoutFile)
      throws IOException {
    return execute(workDirectory, command(jvmOptions, arguments), timeoutSeconds, stdoutFile);
  }

  /** Runs any command to completion (stdout to {@code stdoutFile} when not null); the launcher of every tool JVM. */
  public static Result execute(Path workDirectory, List<String> command, long timeoutSeconds, Path stdoutFile) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile());
    if (stdoutFile != null) {
      builder.redirectOutput(stdoutFile.toFile());
    }
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> out = drain(process.getInputStream());
    CompletableFuture<byte[]> err = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("Cannot finish " + String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size()))
            + " within " + timeoutSeconds + " s: stopped it");
      }
      return new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running " + String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size())), e);
    }
  }

  /** Reads a process stream to its end on a thread of its own (the common pool has one thread on two cores). */
  private static CompletableFuture<byte[]> drain(InputStream stream) {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (stream) {
        bytes.complete(stream.readAllBytes());
      } catch (IOException e) {
        bytes.completeExceptionally(e);
      }
    }, "reference-tool-output");
    reader.setDaemon(true);
    reader.start();
    return bytes;
  }

  /** What a finished tool run printed. */
  public record Result(int exitCode, String out, String err) {
  }
}
