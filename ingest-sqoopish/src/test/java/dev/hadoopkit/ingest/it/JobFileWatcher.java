package dev.hadoopkit.ingest.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Copies the text of every job file (job.xml and friends) that appears under a local job's hadoop.tmp.dir while the
 * job runs: LocalJobRunner deletes them at the end, so they are read while they exist.
 */
final class JobFileWatcher {
  private final Path root;
  private final List<String> contents = new CopyOnWriteArrayList<>();
  private final List<String> names = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;
  private Thread thread;

  JobFileWatcher(Path root) {
    this.root = root;
  }

  void start() {
    thread = new Thread(() -> {
      while (running) {
        scan();
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "job-file-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join();
    scan();
  }

  private void scan() {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(p -> {
        try {
          String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
          int i = names.indexOf(p.toString());
          if (i < 0) {
            names.add(p.toString());
            contents.add(text);
          } else if (text.length() > contents.get(i).length()) {
            contents.set(i, text);
          }
        } catch (IOException e) {
          // deleted meanwhile
        }
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      // the tree changes under us; the next scan catches up
    }
  }

  boolean seenJobXml() {
    return names.stream().anyMatch(n -> n.endsWith(".xml") && contentsOf(n).contains("hadoopkit.ingest.connect.url"));
  }

  private String contentsOf(String name) {
    int i = names.indexOf(name);
    return i < 0 ? "" : contents.get(i);
  }

  List<String> names() {
    return names;
  }

  boolean anyContains(String text) {
    return contents.stream().anyMatch(c -> c.contains(text));
  }
}
