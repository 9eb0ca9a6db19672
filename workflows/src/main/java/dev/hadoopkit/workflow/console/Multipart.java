package dev.hadoopkit.workflow.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of {@code multipart/form-data} (RFC 7578) for the submit form: every part's value as UTF-8 text by
 * its field name (an uploaded job.properties is text). Parts without a name are skipped.
 */
final class Multipart {
  private Multipart() {
  }

  static Map<String, List<String>> parse(byte[] body, String contentType) {
    String boundary = parameter(contentType, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw new ConsoleException(400, "Invalid multipart form, no boundary in Content-Type: " + contentType);
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int partStart = at + delimiter.length;
      if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
        break; // the closing delimiter
      }
      partStart = skipLineEnd(body, partStart);
      int next = indexOf(body, delimiter, partStart);
      if (next < 0) {
        throw new ConsoleException(400, "Invalid multipart form, a part is not closed by its boundary");
      }
      int partEnd = next;
      // the CRLF before a delimiter belongs to the delimiter
      if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
        partEnd -= 2;
      } else if (partEnd >= 1 && body[partEnd - 1] == '\n') {
        partEnd -= 1;
      }
      part(body, partStart, partEnd, fields);
      at = next;
    }
    return fields;
  }

  private static void part(byte[] body, int start, int end, Map<String, List<String>> fields) {
    int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
    int contentStart = headersEnd + 4;
    if (headersEnd < 0 || headersEnd > end) {
      headersEnd = indexOf(body, "\n\n".getBytes(StandardCharsets.ISO_8859_1), start);
      contentStart = headersEnd + 2;
      if (headersEnd < 0 || headersEnd > end) {
        return;
      }
    }
    String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
    String name = null;
    for (String header : headers.split("\r?\n")) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        name = parameter(header, "name");
      }
    }
    if (name == null) {
      return;
    }
    String value = new String(body, contentStart, Math.max(0, end - contentStart), StandardCharsets.UTF_8);
    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  /** {@code name="value"} or {@code name=value} of a header; null when absent. */
  static String parameter(String header, String name) {
    for (String piece : header.split(";")) {
      String p = piece.trim();
      int eq = p.indexOf('=');
      if (eq < 0 || !p.substring(0, eq).trim().equalsIgnoreCase(name)) {
        continue;
      }
      String value = p.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      return value;
    }
    return null;
  }

  private static int skipLineEnd(byte[] body, int at) {
    if (at < body.length && body[at] == '\r') {
      at++;
    }
    if (at < body.length && body[at] == '\n') {
      at++;
    }
    return at;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
