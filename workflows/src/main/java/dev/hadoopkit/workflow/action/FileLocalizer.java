package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * {@code <file>path#link</file>}: copies the file (relative paths are relative to the app path) into the action's
 * working directory under the link name, as the distributed cache does for an Oozie launcher (as in Oozie, a localized
 * {@code .jar} goes on the java action's classpath). {@code <archive>path#link</archive>} (with {@link #localizeArchives}): unpacks a .zip, .jar, .tar, .tar.gz or .tgz
 * into a directory of that name.
 */
final class FileLocalizer {
  private FileLocalizer() {
  }

  /** A {@code <file>} or {@code <archive>} entry: where it is (app-relative paths resolved) and its link name. */
  record Entry(Path source, String link) {
  }

  /** The entries of {@code <file>} or {@code <archive>} texts ({@code path#link}, as in the body). */
  static List<Entry> entries(List<String> texts, String appPath) {
    List<Entry> out = new ArrayList<>();
    for (String file : texts) {
      String text = file.trim();
      int hash = text.indexOf('#');
      String source = hash < 0 ? text : text.substring(0, hash);
      Path path = new Path(source);
      if (!path.isAbsolute() && path.toUri().getScheme() == null) {
        path = new Path(appPath, source);
      }
      out.add(new Entry(path, hash < 0 ? path.getName() : text.substring(hash + 1)));
    }
    return out;
  }

  /** Copies the {@code <file>}s into the work dir; returns their link names. */
  static List<String> localize(ActionBody.Hadoop body, ActionContext context) throws IOException {
    Files.createDirectories(context.workDir());
    List<String> links = new ArrayList<>();
    for (Entry entry : entries(body.files(), context.appPath())) {
      FileSystem fs = entry.source().getFileSystem(context.conf());
      java.nio.file.Path target = context.workDir().resolve(entry.link());
      Files.deleteIfExists(target);
      fs.copyToLocalFile(false, entry.source(), new Path(target.toUri()), true);
      keepAtMostSourceMode(target, fs.getFileStatus(entry.source()).getPermission());
      links.add(entry.link());
    }
    return links;
  }

  /**
   * A copy gets the process's default mode (0644 under umask 022): a 0400 password file would become readable by
   * everyone in the state dir. The copy keeps at most its source's mode bits.
   */
  private static void keepAtMostSourceMode(java.nio.file.Path target,
      org.apache.hadoop.fs.permission.FsPermission source) throws IOException {
    if (!Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    java.util.Set<java.nio.file.attribute.PosixFilePermission> current = Files.getPosixFilePermissions(target);
    int mode = source.toShort() & 0777;
    java.nio.file.attribute.PosixFilePermission[] bits = java.nio.file.attribute.PosixFilePermission.values();
    java.util.Set<java.nio.file.attribute.PosixFilePermission> kept = java.util.EnumSet.noneOf(
        java.nio.file.attribute.PosixFilePermission.class);
    for (java.nio.file.attribute.PosixFilePermission bit : current) {
      if ((mode & (0400 >> bit.ordinal())) != 0) { // the enum runs OWNER_READ … OTHERS_EXECUTE, 0400 … 0001
        kept.add(bit);
      }
    }
    if (!kept.equals(current)) {
      Files.setPosixFilePermissions(target, kept);
    }
  }

  /** Unpacks the {@code <archive>}s into directories of the work dir named by their links; returns the links. */
  static List<String> localizeArchives(ActionBody.Hadoop body, ActionContext context) throws IOException {
    List<String> links = new ArrayList<>();
    for (Entry entry : entries(body.archives(), context.appPath())) {
      FileSystem fs = entry.source().getFileSystem(context.conf());
      java.nio.file.Path target = context.workDir().resolve(entry.link());
      java.nio.file.Path copy = context.workDir().resolve(".archive-" + entry.source().getName());
      Files.deleteIfExists(copy);
      fs.copyToLocalFile(false, entry.source(), new Path(copy.toUri()), true);
      FileUtil.fullyDelete(target.toFile());
      Files.createDirectories(target);
      String name = entry.source().getName().toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".zip") || name.endsWith(".jar")) {
        FileUtil.unZip(copy.toFile(), target.toFile());
      } else if (name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
        FileUtil.unTar(copy.toFile(), target.toFile());
      } else {
        throw new IOException("Cannot unpack <archive> " + entry.source() + ": unknown archive type (use .zip, .jar,"
            + " .tar, .tar.gz or .tgz, or ship it with <file>)");
      }
      Files.delete(copy);
      links.add(entry.link());
    }
    return links;
  }
}
