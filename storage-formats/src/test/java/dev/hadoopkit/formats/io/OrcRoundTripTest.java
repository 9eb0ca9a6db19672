package dev.hadoopkit.formats.io;

class OrcRoundTripTest extends RoundTripSuite {

  @Override
  FileFormat format() {
    return FileFormat.ORC;
  }

  @Override
  WriteBuilder smallUnits(WriteBuilder builder) {
    return builder.set("orc.stripe.size", "32768").set("orc.rows.between.memory.checks", "1000");
  }
}
