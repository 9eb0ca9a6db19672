package dev.hadoopkit.formats.io;

import java.io.IOException;

/**
 * A {@link FormatModel} whose writers and reader are its format's constructors: a format package extends it with those
 * constructors and implements only what reads the file's own metadata ({@code count}, {@code check},
 * {@code describe}). Adding a format is then its package and its registration on {@link FileFormat}.
 */
public abstract class BaseFormatModel implements FormatModel {

  /** Opens a file with the settings, e.g. an appender's or reader's constructor. */
  @FunctionalInterface
  public interface Opener<S, T> {
    T open(S settings) throws IOException;
  }

  /** Opens a {@link RowAppender}, e.g. its constructor. */
  @FunctionalInterface
  public interface RowOpener {
    RowAppender open(WriteSettings settings, RowLayout layout) throws IOException;
  }

  private final FileFormat format;
  private final Opener<WriteSettings, FileAppender> appender;
  private final RowOpener rowAppender;
  private final Opener<ReadSettings, RecordReader> reader;

  protected BaseFormatModel(FileFormat format, Opener<WriteSettings, FileAppender> appender, RowOpener rowAppender,
      Opener<ReadSettings, RecordReader> reader) {
    this.format = format;
    this.appender = appender;
    this.rowAppender = rowAppender;
    this.reader = reader;
  }

  @Override
  public final FileFormat format() {
    return format;
  }

  @Override
  public final FileAppender appender(WriteSettings settings) throws IOException {
    return appender.open(settings);
  }

  @Override
  public final RowAppender rowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    return rowAppender.open(settings, layout);
  }

  @Override
  public final RecordReader reader(ReadSettings settings) throws IOException {
    return reader.open(settings);
  }
}
