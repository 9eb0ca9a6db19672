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

  /** ", the namenode of the sandbox at /x" when the process is a sandbox daemon (another home, or a leftover). */
  static String sandboxDaemonOf(long pid) {
    String cmdline = DaemonLauncher.cmdline(pid);
    Matcher daemon = Pattern.compile("-Dsandbox\\.daemon=([^\\x00]+)").matcher(cmdline);
    Matcher home = Pattern.compile("-Dsandbox\\.home=([^\\x00]+)").matcher(cmdline);
    if (daemon.find() && home.find()) {
      return ", the " + daemon.group(1) + " of the sandbox at " + home.group(1)
          + " (stop it with `bin/sandbox down --home " + home.group(1) + "`)";
    }
    return "";
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
        String sandbox = sandboxDaemonOf(Long.parseLong(m.group(2)));
        return m.group(1) + " (pid " + m.group(2) + ")" + sandbox;
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
