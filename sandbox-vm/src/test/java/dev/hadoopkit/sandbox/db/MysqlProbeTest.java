package dev.hadoopkit.sandbox.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handshake parser against servers that speak (or do not speak) the MySQL protocol's first packet. */
class MysqlProbeTest {

  private static Optional<String> probe(byte[] greeting) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = server.accept(); OutputStream o = s.getOutputStream()) {
          o.write(greeting);
          o.flush();
          Thread.sleep(200);
        } catch (Exception e) {
          // The probe closed first.
        }
      });
      t.start();
      Optional<String> version = MysqlProbe.serverVersion(server.getLocalPort());
      t.join(2000);
      return version;
    }
  }

  @Test
  void readsTheServerVersionOfAProtocol10Handshake() throws Exception {
    byte[] version = "10.11.6-MariaDB\0".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[1 + version.length + 4];
    body[0] = 10;
    System.arraycopy(version, 0, body, 1, version.length);
    byte[] packet = new byte[4 + body.length];
    packet[0] = (byte) body.length;
    System.arraycopy(body, 0, packet, 4, body.length);
    assertEquals(Optional.of("10.11.6-MariaDB"), probe(packet));
  }

  @Test
  void anHttpServerIsNotMysql() throws Exception {
    assertEquals(Optional.empty(), probe("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void nothingListeningIsNotMysql() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertEquals(Optional.empty(), MysqlProbe.serverVersion(port));
  }
}
