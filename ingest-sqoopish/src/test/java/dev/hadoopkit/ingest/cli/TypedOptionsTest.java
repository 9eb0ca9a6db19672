package dev.hadoopkit.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import org.junit.jupiter.api.Test;

/** Whole-number options are typed: a bad value is a usage error (exit 2) naming the option, before any connection. */
class TypedOptionsTest {
  @Test
  void badMapperCountIsAUsageErrorNamingTheOption() {
    CliRun r = CliRun.run(null, "import", "--connect", "jdbc:mysql://127.0.0.1:1/x", "--table", "t", "-m", "four");
    assertEquals(2, r.exit, r.toString());
    assertTrue(r.err.contains("Invalid --num-mappers 'four': give a whole number"), r.err);
  }

  @Test
  void badNumbersOfEveryTypedOptionAreUsageErrors() {
    String connect = "jdbc:mysql://127.0.0.1:1/x";
    String[][] cases = {
        {"Invalid --num-mappers '2x'", "export", "--connect", connect, "--table", "t", "--export-dir", "/d", "-m", "2x"},
        {"Invalid --split-limit '9e9'", "import", "--connect", connect, "--table", "t", "--split-limit", "9e9"},
        {"Invalid --fetch-size 'lots'", "import", "--connect", connect, "--table", "t", "--fetch-size", "lots"}};
    for (String[] c : cases) {
      CliRun r = CliRun.run(null, java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals(2, r.exit, r.toString());
      assertTrue(r.err.contains(c[0] + ": give a whole number"), r.err);
    }
  }

  @Test
  void numbersAreTrimmed() {
    Args args = Args.parse("import", OptionSets.forImport(), new String[] {"-m", " 3 ", "--split-limit", "10"});
    assertEquals(3, args.getInt("num-mappers"));
    assertEquals(10L, args.getLong("split-limit"));
    assertEquals(null, args.getInt("fetch-size"));
  }
}
