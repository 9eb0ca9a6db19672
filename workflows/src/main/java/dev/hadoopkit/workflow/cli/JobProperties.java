package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.WorkflowApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads {@code -config}: a job.properties file, or a Hadoop configuration XML (Oozie accepts both). */
final class JobProperties {
  private JobProperties() {
  }

  /**
   * The file as UTF-8 text, or E0710 naming the file, the line and what is wrong: a binary file (a NUL byte) or
   * bytes that are not UTF-8 — where a reader would only say "Input length = 1".
   */
  static String text(byte[] bytes, String file) throws WorkflowException {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new WorkflowException(ErrorCode.E0710, Location.of(file), "not a text file (a NUL byte at line " + line
            + ", byte " + (i - lineStart + 1) + "): give -config a job.properties (name=value lines) or a"
            + " configuration XML");
      }
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int badLine = 1;
      int badLineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          badLine++;
          badLineStart = i + 1;
        }
      }
      throw new WorkflowException(ErrorCode.E0710, Location.of(file), "not valid UTF-8 at line " + badLine + ", byte "
          + (at - badLineStart + 1) + " (0x" + String.format("%02x", bytes[at] & 0xff) + "): save it as UTF-8"
          + " text (name=value lines)");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  static Map<String, String> read(String file) throws WorkflowException {
    Map<String, String> out = new LinkedHashMap<>();
    if (file == null) {
      return out;
    }
    Path path = Path.of(file);
    try {
      if (file.endsWith(".xml")) {
        return WorkflowApp.readConfiguration(Files.readAllBytes(path), file);
      }
      Properties properties = new Properties();
      properties.load(new java.io.StringReader(text(Files.readAllBytes(path), file)));
      properties.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, properties.getProperty(k).trim()));
      return out;
    } catch (IOException e) {
      throw new WorkflowException(ErrorCode.E0710, Location.of(file), "cannot read the job configuration: "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    }
  }
}
