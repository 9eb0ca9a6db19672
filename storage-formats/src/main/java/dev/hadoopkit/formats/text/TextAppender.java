package dev.hadoopkit.formats.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hadoopkit.formats.io.CommittingAppender;
import dev.hadoopkit.formats.io.WriteSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** CSV/TSV with a header row, or JSON lines; values as {@link TextValues#format} writes them. */
public final class TextAppender extends CommittingAppender {

  private final TextLayout layout;
  private final Schema schema;
  private final BufferedWriter out;
  private final JsonGenerator json;

  public TextAppender(WriteSettings settings, TextLayout layout) throws IOException {
    super(settings);
    this.layout = layout;
    this.schema = settings.schema();
    this.out = new BufferedWriter(new OutputStreamWriter(fileSystem().create(temporaryPath(), false), StandardCharsets.UTF_8), 1 << 16);
    if (layout == TextLayout.JSON) {
      json = new JsonFactory().createGenerator(out);
      json.setRootValueSeparator(null);
    } else {
      json = null;
      out.write(RecordFormatter.header(schema, layout));
      out.write('\n');
    }
  }

  @Override
  protected void write(GenericRecord record) throws IOException {
    if (json != null) {
      RecordFormatter.writeJson(json, record);
      json.flush();
      out.write('\n');
      return;
    }
    out.write(RecordFormatter.delimited(record, layout));
    out.write('\n');
  }

  @Override
  protected void finish() throws IOException {
    if (json != null) {
      json.close();
    }
    out.close();
  }
}
