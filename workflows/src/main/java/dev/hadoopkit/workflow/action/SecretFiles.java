package dev.hadoopkit.workflow.action;

import static dev.hadoopkit.workflow.definition.LocatedXml.children;

import dev.hadoopkit.workflow.state.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The {@code <file>}s of an action that a run treats as secret (issue 15 defect 6), removed from the action's work
 * dir (under the state dir, which people copy into bug reports) once the action ends: a file whose link or source
 * name is a secret name ({@code password}, {@code secret}, {@code token}, {@code credential}), a file named by the
 * value of a secret property (job properties or the action's {@code <configuration>}, e.g.
 * {@code dbPasswordFile=/etc/db.pw}), and a file named after {@code --password-file} in the action's arguments.
 */
public final class SecretFiles {
  private SecretFiles() {
  }

  /** The link names (in the work dir) of the action's secret {@code <file>}s, in the order of the body. */
  public static List<String> links(Element body, String appPath, Map<String, String> jobConf) {
    Set<String> named = new HashSet<>();
    jobConf.forEach((k, v) -> {
      if (Secrets.isSecretName(k) && v != null && !v.isBlank()) {
        named.add(v.trim());
      }
    });
    Element configuration = dev.hadoopkit.workflow.definition.LocatedXml.child(body, "configuration");
    if (configuration != null) {
      for (Element property : children(configuration, "property")) {
        String name = dev.hadoopkit.workflow.definition.LocatedXml.childText(property, "name");
        String value = dev.hadoopkit.workflow.definition.LocatedXml.childText(property, "value");
        if (name != null && value != null && Secrets.isSecretName(name) && !value.isBlank()) {
          named.add(value.trim());
        }
      }
    }
    named.addAll(passwordFileArguments(body));
    for (String value : List.copyOf(named)) {
      try {
        named.add(new org.apache.hadoop.fs.Path(value).toUri().getPath()); // file:///a/b, file:/a/b and /a/b alike
      } catch (IllegalArgumentException notAPath) {
        // a value that is no path names no file
      }
    }
    List<String> out = new ArrayList<>();
    for (FileLocalizer.Entry entry : FileLocalizer.entries(
        children(body, "file").stream().map(Element::getTextContent).toList(), appPath)) {
      String source = entry.source().toString();
      String sourceName = entry.source().getName();
      boolean secret = Secrets.isSecretName(entry.link()) || Secrets.isSecretName(sourceName)
          || named.contains(entry.link()) || named.contains(source)
          || named.contains(entry.source().toUri().getPath());
      if (secret && !out.contains(entry.link())) {
        out.add(entry.link());
      }
    }
    return out;
  }

  /** Values of {@code --password-file X} / {@code --password-file=X} in {@code <command>}, {@code <arg>}s, … */
  private static List<String> passwordFileArguments(Element body) {
    List<String> words = new ArrayList<>();
    for (String element : List.of("command", "arg", "argument", "java-opts", "java-opt")) {
      for (Element e : children(body, element)) {
        for (String word : e.getTextContent().trim().split("\\s+")) {
          words.add(word);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("--password-file") && i + 1 < words.size()) {
        out.add(words.get(i + 1));
      } else if (word.startsWith("--password-file=")) {
        out.add(word.substring("--password-file=".length()));
      }
    }
    return out;
  }

  /** Deletes the secret files (or directories) from the work dir; returns the links that were there. */
  public static List<String> remove(Path workDir, List<String> links) throws IOException {
    List<String> removed = new ArrayList<>();
    for (String link : links) {
      Path file = workDir.resolve(link).normalize();
      if (!file.startsWith(workDir) || !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        org.apache.hadoop.fs.FileUtil.fullyDelete(file.toFile());
      } else {
        Files.delete(file);
      }
      removed.add(link);
    }
    return removed;
  }
}
