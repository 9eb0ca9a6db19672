package dev.hadoopkit.formats.source;

import dev.hadoopkit.formats.schema.Preset;
import org.apache.avro.Schema;

/**
 * How text input is to be read: as a MovieLens preset (its own parsers), in an explicit Avro schema, or with a
 * schema inferred from a CSV header. Binary inputs carry their own schema and ignore this, except that an
 * explicit schema is what they are converted to.
 */
public record TextSchema(Preset preset, Schema schema, boolean infer) {

  public static TextSchema none() {
    return new TextSchema(null, null, false);
  }

  public boolean isSet() {
    return preset != null || schema != null || infer;
  }

  /** The schema records end up in when it is known without reading data. */
  public Schema declared() {
    return schema != null ? schema : preset != null ? preset.schema() : null;
  }
}
