package dev.hadoopkit.formats.io;

class ParquetRoundTripTest extends RoundTripSuite {

  @Override
  FileFormat format() {
    return FileFormat.PARQUET;
  }

  @Override
  WriteBuilder smallUnits(WriteBuilder builder) {
    return builder.set("parquet.block.size", "49152").set("parquet.page.size", "16384")
        .set("parquet.block.size.row.check.min", "100").set("parquet.block.size.row.check.max", "1000");
  }
}
