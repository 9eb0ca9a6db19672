package dev.hadoopkit.sandbox.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a TCP port on 127.0.0.1 is free, and if not, which process holds it. */
public final class PortProbe {
  private static final Pattern SS_USER = Pattern.compile("\\(\"([^\"]+)\",pid=(\\d+)");

  private PortProbe() {
  }

  public static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static boolean isListening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** "mariadbd (pid 3773)" when `ss` can tell, else a hint to find out. */
  public static String holderOf(int port) {
    try {
      Process p = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      p.waitFor(5, TimeUnit.SECONDS);
      Matcher m = SS_USER.matcher(out);
      if (m.find()) {
        return m.group(1) + " (pid " + m.group(2) + ")";
      }
      if (!out.isBlank()) {
        return "a process of another user (see `ss -ltnp 'sport = :" + port + "'` as root)";
      }
    } catch (IOException e) {
      // No ss on this machine: fall through to the hint.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "another process (find it with `ss -ltnp 'sport = :" + port + "'` or `lsof -i :" + port + "`)";
  }
}
