package dev.hadoopkit.formats.io;

class AvroRoundTripTest extends RoundTripSuite {

  @Override
  FileFormat format() {
    return FileFormat.AVRO;
  }

  @Override
  WriteBuilder smallUnits(WriteBuilder builder) {
    // Avro's default sync interval (64 KB) already gives several blocks for the split test's 8,000 rows.
    return builder;
  }
}
