package dev.hadoopkit.formats.io;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Everything a format needs to open a file for writing; made by {@link WriteBuilder}. */
public record WriteSettings(Path path, Configuration conf, Schema schema, Codec codec, boolean overwrite,
    Map<String, String> properties) {
}
