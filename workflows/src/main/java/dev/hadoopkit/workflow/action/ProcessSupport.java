package dev.hadoopkit.workflow.action;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Running child processes for shell and java actions: start, cancel, wait, read captured output. */
final class ProcessSupport {
  private ProcessSupport() {
  }

  /** Starts the process, stdout and stderr to files in the work dir, registered for cancellation. */
  static Process start(ProcessBuilder builder, ActionContext context) throws IOException {
    Files.createDirectories(context.workDir());
    builder.redirectOutput(context.workDir().resolve("stdout").toFile());
    builder.redirectError(context.workDir().resolve("stderr").toFile());
    Process process = builder.start();
    context.externalId().accept("pid:" + process.pid());
    context.cancellation().onCancel(() -> {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    });
    return process;
  }

  static int waitFor(Process process, ActionContext context) throws InterruptedException {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }

  /**
   * The last lines of a file, for error messages, without stack frames ("at …", "… N more"): what a person reads
   * is the exception and its message, and the frames would push it out of the limit.
   */
  static String tail(Path file, int maxChars) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.matches("\\s+at .*") && !line.matches("\\s*\\.\\.\\. \\d+ more"))
          .collect(java.util.stream.Collectors.joining("\n")).strip();
      return text.length() <= maxChars ? text : "…" + text.substring(text.length() - maxChars);
    } catch (IOException e) {
      return "";
    }
  }

  /** Reads captured output as Java properties, refusing more than the limit (Oozie's E0722-like rule). */
  static Map<String, String> capture(Path file, int limit) throws CaptureException {
    try {
      if (!Files.exists(file)) {
        return Map.of();
      }
      long size = Files.size(file);
      if (size > limit) {
        throw new CaptureException("captured output of " + size + " bytes exceeds the limit of " + limit
            + " bytes; raise hk.workflow.capture-output.max or print less");
      }
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      Map<String, String> out = new LinkedHashMap<>();
      properties.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, properties.getProperty(k)));
      return out;
    } catch (IOException e) {
      throw new CaptureException("cannot read captured output " + file + ": " + e.getMessage());
    }
  }

  static final class CaptureException extends Exception {
    CaptureException(String message) {
      super(message);
    }
  }
}
