package dev.hadoopkit.formats.localfs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local filesystem ({@code file://}), except that without Hadoop's native library it reads and sets
 * permissions through {@code java.nio} instead of starting a process for each: {@code chmod} for every file and
 * directory it creates, {@code ls -ld} for every file status whose permission, owner or group is asked for. A local
 * job forked about 90 of them (job staging files, task directories, map outputs, input listings), 3-10 ms each on a
 * busy machine (docs/benchmarks.md). The results are the same: the permission bits (sticky bit included), owner and
 * group names of the file itself, not of a symlink's target, as {@code ls -ld} shows them; {@code chmod} still keeps
 * a directory's set-user-ID and set-group-ID bits. With the native library, Hadoop's own code runs unchanged.
 *
 * <p>Used in local mode only (the MapReduce jobs' {@code LocalMode}, the ingest tools' {@code JobRunner}), as
 * {@code fs.file.impl} unless that is set ({@link #useUnlessChosen}).
 */
public class NioLocalFileSystem extends LocalFileSystem {

  public NioLocalFileSystem() {
    super(new Raw());
  }

  /**
   * Makes this the {@code file://} filesystem of {@code conf} unless a site file or the user chose one. Call it before
   * the first {@code FileSystem.get} of the process: Hadoop caches the filesystem of a scheme, whatever the next
   * configuration says.
   */
  public static void useUnlessChosen(Configuration conf, String source) {
    LocalSettings.setUnlessChosen(conf, "fs.file.impl", NioLocalFileSystem.class.getName(), source);
  }


  /** The raw (checksum-less) filesystem underneath, where permissions are read and set. */
  static final class Raw extends RawLocalFileSystem {

    /** What {@code FsPermission} holds: permission bits and the sticky bit. */
    private static final int PERMISSION_BITS = 01777;
    private static final int SET_ID_BITS = 06000;

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      if (NativeIO.isAvailable()) {
        super.setPermission(path, permission);
        return;
      }
      java.nio.file.Path file = pathToFile(path).toPath();
      int mode = permission.toShort() & PERMISSION_BITS;
      if (Files.isDirectory(file)) {
        // chmod with four octal digits keeps a directory's set-ID bits (GNU coreutils); so does this.
        mode |= (Integer) Files.getAttribute(file, "unix:mode") & SET_ID_BITS;
      }
      Files.setAttribute(file, "unix:mode", mode);
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
      return withNioPermission(super.getFileStatus(path));
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
      FileStatus[] statuses = super.listStatus(path);
      for (int i = 0; i < statuses.length; i++) {
        statuses[i] = withNioPermission(statuses[i]);
      }
      return statuses;
    }

    /**
     * Hadoop's status without the native library loads permission, owner and group with {@code ls -ld} when first
     * asked ({@code DeprecatedRawLocalFileStatus}); this one reads them with one {@code lstat}. Other statuses (a
     * symlink-aware one, or one already loaded) are returned as they are.
     */
    private FileStatus withNioPermission(FileStatus status) {
      if (NativeIO.isAvailable() || !status.getClass().getSimpleName().equals("DeprecatedRawLocalFileStatus")) {
        return status;
      }
      return new LazyPermissionStatus(status, pathToFile(status.getPath()));
    }
  }

  /** A file status whose permission, owner and group are read on first use, as Hadoop's own status does. */
  private static final class LazyPermissionStatus extends FileStatus {
    private static final long serialVersionUID = 1L;

    private final transient FileStatus original;
    private final transient File file;
    private transient boolean loaded;

    LazyPermissionStatus(FileStatus original, File file) {
      super(original.getLen(), original.isDirectory(), original.getReplication(), original.getBlockSize(),
          original.getModificationTime(), original.getAccessTime(), null, null, null, original.getPath());
      this.original = original;
      this.file = file;
    }

    @Override
    public FsPermission getPermission() {
      load();
      return super.getPermission();
    }

    @Override
    public String getOwner() {
      load();
      return super.getOwner();
    }

    @Override
    public String getGroup() {
      load();
      return super.getGroup();
    }

    private synchronized void load() {
      if (loaded) {
        return;
      }
      loaded = true;
      try {
        Map<String, Object> attributes = Files.readAttributes(file.toPath(), "unix:mode,owner,group", LinkOption.NOFOLLOW_LINKS);
        setPermission(new FsPermission((short) ((Integer) attributes.get("mode") & Raw.PERMISSION_BITS)));
        setOwner(((UserPrincipal) attributes.get("owner")).getName());
        setGroup(((UserPrincipal) attributes.get("group")).getName());
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        // Not a POSIX filesystem, or the file is gone: Hadoop's own way, with its own error.
        setPermission(original.getPermission());
        setOwner(original.getOwner());
        setGroup(original.getGroup());
      }
    }
  }
}
