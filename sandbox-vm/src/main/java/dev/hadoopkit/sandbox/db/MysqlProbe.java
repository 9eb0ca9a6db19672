package dev.hadoopkit.sandbox.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether something on a TCP port answers as a MySQL-protocol server (MySQL, MariaDB): it sends a handshake packet
 * first, protocol version 10 followed by a NUL-terminated server version.
 */
public final class MysqlProbe {
  private MysqlProbe() {
  }

  /** The server version the handshake announces, or empty when nothing MySQL-like answers. */
  public static Optional<String> serverVersion(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      s.setSoTimeout(1500);
      InputStream in = s.getInputStream();
      byte[] header = in.readNBytes(4);
      if (header.length < 4) {
        return Optional.empty();
      }
      int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
      if (length < 2 || length > 1024) {
        return Optional.empty();
      }
      byte[] body = in.readNBytes(length);
      if (body.length < 2 || body[0] != 10) {
        return Optional.empty();
      }
      int end = 1;
      while (end < body.length && body[end] != 0) {
        end++;
      }
      return Optional.of(new String(body, 1, end - 1, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
