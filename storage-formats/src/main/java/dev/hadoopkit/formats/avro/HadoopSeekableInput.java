package dev.hadoopkit.formats.avro;

import java.io.IOException;
import org.apache.avro.file.SeekableInput;
import org.apache.hadoop.fs.FSDataInputStream;

/** Avro's random-access input over a Hadoop stream. */
final class HadoopSeekableInput implements SeekableInput {
  private final FSDataInputStream in;
  private final long length;

  HadoopSeekableInput(FSDataInputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  @Override
  public void seek(long position) throws IOException {
    in.seek(position);
  }

  @Override
  public long tell() throws IOException {
    return in.getPos();
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    return in.read(buffer, offset, count);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
