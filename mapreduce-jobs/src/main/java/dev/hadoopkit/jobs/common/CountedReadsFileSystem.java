package dev.hadoopkit.jobs.common;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A local filesystem whose streams do vectored reads ({@code readVectored}, which ORC 2 and Parquet use for
 * stripes and column chunks) as plain positioned reads in the calling thread. Hadoop's local filesystem does them
 * asynchronously and leaves them out of its byte statistics, so a task's {@code Bytes Read} counter missed almost
 * all of a columnar file (611 KB of 139 MB for ORC). Read through this, the counter shows what a projection reads.
 * The data is in the page cache or on a local disk either way; for other filesystems {@link #of} changes nothing.
 */
final class CountedReadsFileSystem extends FilterFileSystem {

  private CountedReadsFileSystem(FileSystem local) {
    super(local);
    setConf(local.getConf());
  }

  /** The filesystem to read {@code file} through: this wrapper for local files, else the file's own filesystem. */
  static FileSystem of(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    return fs instanceof LocalFileSystem ? new CountedReadsFileSystem(fs) : fs;
  }

  @Override
  public FSDataInputStream open(Path file, int bufferSize) throws IOException {
    return new FSDataInputStream(new SynchronousStream(fs.open(file, bufferSize)));
  }

  @Override
  public void close() {
    // The wrapped filesystem is Hadoop's cached instance, shared with the rest of the task: never closed here.
  }

  /** Delegates every read; inherits {@code readVectored}'s default, which reads each range with {@code readFully}. */
  private static final class SynchronousStream extends FSInputStream {
    private final FSDataInputStream in;

    SynchronousStream(FSDataInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return in.read(buffer, offset, length);
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
      return in.read(position, buffer, offset, length);
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
      in.readFully(position, buffer, offset, length);
    }

    @Override
    public void seek(long position) throws IOException {
      in.seek(position);
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public boolean seekToNewSource(long target) throws IOException {
      return in.seekToNewSource(target);
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public long skip(long n) throws IOException {
      return in.skip(n);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
