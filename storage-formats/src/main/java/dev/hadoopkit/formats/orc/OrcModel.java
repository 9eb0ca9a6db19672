package dev.hadoopkit.formats.orc;

import dev.hadoopkit.formats.io.BaseFormatModel;
import dev.hadoopkit.formats.io.FileFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.orc.ColumnStatistics;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;
import org.apache.orc.TypeDescription;

/** ORC's {@link dev.hadoopkit.formats.io.FormatModel}, registered on {@link FileFormat#ORC}. */
public final class OrcModel extends BaseFormatModel {

  public OrcModel() {
    super(FileFormat.ORC, OrcAppender::new, OrcRowAppender::new, OrcRecordReader::new);
  }

  /** The tail (postscript and footer) opens. */
  @Override
  public void check(Configuration conf, Path file) throws IOException {
    Orc.open(conf, file).close();
  }

  @Override
  public long count(Configuration conf, Path file) throws IOException {
    try (Reader reader = Orc.open(conf, file)) {
      return reader.getNumberOfRows();
    }
  }

  /** Stripes, compression, row counts and per-column statistics. */
  @Override
  public void describe(Configuration conf, Path file, PrintStream out) throws IOException {
    try (Reader reader = Orc.open(conf, file)) {
      out.printf(Locale.ROOT, "file: %s%nformat: ORC%nsize: %,d bytes%nfile version: %s, writer: %s%ncompression: %s%nschema: %s%n",
          file, file.getFileSystem(conf).getFileStatus(file).getLen(), reader.getFileVersion().getName(), reader.getSoftwareVersion(),
          reader.getCompressionKind(), reader.getSchema());
      int index = 0;
      for (StripeInformation stripe : reader.getStripes()) {
        out.printf(Locale.ROOT, "stripe %d: %,d rows, offset %,d, data %,d bytes, index %,d bytes, footer %,d bytes%n",
            index++, stripe.getNumberOfRows(), stripe.getOffset(), stripe.getDataLength(), stripe.getIndexLength(),
            stripe.getFooterLength());
      }
      ColumnStatistics[] statistics = reader.getStatistics();
      TypeDescription schema = reader.getSchema();
      List<String> names = schema.getFieldNames();
      for (int i = 0; i < names.size(); i++) {
        int id = schema.getChildren().get(i).getId();
        if (id < statistics.length) {
          out.printf(Locale.ROOT, "  %s: %s, %s%n", names.get(i), schema.getChildren().get(i),
              statistics[id].toString().replace('\n', ' ').trim());
        }
      }
      out.printf(Locale.ROOT, "rows: %,d%n", reader.getNumberOfRows());
    }
  }
}
