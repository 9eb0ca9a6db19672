package dev.hadoopkit.jobs.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileRange;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;

/**
 * A filesystem whose streams add every byte a reader reads to one task counter
 * ({@link RatingsCounter#COLUMNAR_BYTES_READ}), so a job shows what the Parquet and ORC projections read.
 *
 * <p>Hadoop's own {@code Bytes Read} counter cannot show it in local mode: it is the difference of JVM-wide
 * filesystem statistics, which LocalJobRunner's parallel map tasks share (each task also counts the others'
 * reads), and Hadoop's local filesystem does vectored reads ({@code readVectored}, which ORC 2 and Parquet use for
 * stripes and column chunks) asynchronously without counting them at all (ORC's counter showed 611 KB of 139 MB).
 * On a local filesystem this wrapper therefore does vectored reads as plain positioned reads in the calling
 * thread, which Hadoop's statistics count too; elsewhere it passes them on and counts the ranges asked for.
 */
final class CountedReadsFileSystem extends FilterFileSystem {

  private final Counter bytesRead;
  private final boolean synchronousVectoredReads;

  private CountedReadsFileSystem(FileSystem fs, Counter bytesRead) {
    super(fs);
    setConf(fs.getConf());
    this.bytesRead = bytesRead;
    this.synchronousVectoredReads = fs instanceof LocalFileSystem;
  }

  /** The filesystem of {@code file}, counting what is read through it in {@code bytesRead}. */
  static FileSystem of(Configuration conf, Path file, Counter bytesRead) throws IOException {
    return new CountedReadsFileSystem(file.getFileSystem(conf), bytesRead);
  }

  @Override
  public FSDataInputStream open(Path file, int bufferSize) throws IOException {
    return new FSDataInputStream(new CountingStream(fs.open(file, bufferSize)));
  }

  @Override
  public void close() {
    // The wrapped filesystem is Hadoop's cached instance, shared with the rest of the task: never closed here.
  }

  /** Delegates every read and counts the bytes it returned. */
  private final class CountingStream extends FSInputStream {
    private final FSDataInputStream in;

    CountingStream(FSDataInputStream in) {
      this.in = in;
    }

    private int counted(int bytes) {
      if (bytes > 0) {
        bytesRead.increment(bytes);
      }
      return bytes;
    }

    @Override
    public int read() throws IOException {
      int value = in.read();
      if (value >= 0) {
        bytesRead.increment(1);
      }
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return counted(in.read(buffer, offset, length));
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
      return counted(in.read(position, buffer, offset, length));
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
      in.readFully(position, buffer, offset, length);
      counted(length);
    }

    /** Locally: the interface's default, which reads each range with {@link #readFully}. Elsewhere: the stream's own. */
    @Override
    public void readVectored(List<? extends FileRange> ranges, IntFunction<ByteBuffer> allocate) throws IOException {
      if (synchronousVectoredReads) {
        super.readVectored(ranges, allocate);
        return;
      }
      for (FileRange range : ranges) {
        counted(range.getLength());
      }
      in.readVectored(ranges, allocate);
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
