package dev.hadoopkit.formats.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The commit protocol every format's writer shares, whatever it is fed with (records or typed column values): write
 * to {@code .<name>.tmp-<id>} beside the target, rename on {@link #close()}, delete on {@link #abort()} or on a failed
 * close.
 */
public abstract class CommittingFile implements Closeable {

  private final FileSystem fs;
  private final Path target;
  private final Path temporary;
  private final boolean overwrite;
  private boolean closed;

  protected CommittingFile(WriteSettings settings) throws IOException {
    this.fs = settings.path().getFileSystem(settings.conf());
    this.target = fs.makeQualified(settings.path());
    this.overwrite = settings.overwrite();
    if (!overwrite && fs.exists(target)) {
      throw new FileAlreadyExistsException("Cannot write " + target + ": it already exists (pass --overwrite to replace it)");
    }
    Path parent = target.getParent();
    if (parent != null && !fs.exists(parent)) {
      fs.mkdirs(parent);
    }
    this.temporary = new Path(parent, "." + target.getName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** Where the format writes until the commit. */
  protected final Path temporaryPath() {
    return temporary;
  }

  protected final Path targetPath() {
    return target;
  }

  protected final FileSystem fileSystem() {
    return fs;
  }

  /** Fails when the file was already closed or aborted. */
  protected final void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Cannot add to " + target + ": the appender is closed");
    }
  }

  /** Flushes and closes the format's writer. */
  protected abstract void finish() throws IOException;

  /** Abandons the file; {@link #close()} afterwards does nothing. */
  public final void abort() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      finish();
    } catch (IOException | RuntimeException | LinkageError ignored) {
      // The file is being thrown away.
    }
    try {
      fs.delete(temporary, false);
      fs.delete(crc(temporary), false);
    } catch (IOException ignored) {
      // Nothing more to do: a hidden temporary file is all that can be left.
    }
  }

  /** Finishes the file and moves it to its target path. */
  @Override
  public final void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      finish();
      if (fs.exists(target)) {
        if (!overwrite) {
          throw new FileAlreadyExistsException("Cannot write " + target + ": it was created while writing");
        }
        fs.delete(target, true);
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("Cannot move " + temporary + " to " + target);
      }
      fs.delete(crc(temporary), false);
    } catch (IOException | RuntimeException | Error e) {
      fs.delete(temporary, false);
      fs.delete(crc(temporary), false);
      throw e;
    }
  }

  private static Path crc(Path file) {
    return new Path(file.getParent(), "." + file.getName() + ".crc");
  }
}
