package dev.hadoopkit.formats.io;

import java.io.IOException;
import org.apache.avro.generic.GenericRecord;

/**
 * A {@link FileAppender} with the commit protocol of {@link CommittingFile}: records go to a hidden temporary file
 * that {@link #close()} renames into place and {@link #abort()} deletes.
 */
public abstract class CommittingAppender extends CommittingFile implements FileAppender {

  private long count;

  protected CommittingAppender(WriteSettings settings) throws IOException {
    super(settings);
  }

  protected abstract void write(GenericRecord record) throws IOException;

  @Override
  public final void add(GenericRecord record) throws IOException {
    checkOpen();
    write(record);
    count++;
  }

  @Override
  public final long count() {
    return count;
  }
}
