package dev.hadoopkit.ingest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BenchDocumentTest {
  private static final String NEW = "## ingest-sqoopish\n\n" + BenchDocument.BEGIN + "\nnew table\n" + BenchDocument.END + "\n";

  @Test
  void replacesOnlyTheMarkedPartAndKeepsTheNotes() {
    String doc = "# B\n\n## ingest-sqoopish\n\nnotes before\n\n" + BenchDocument.BEGIN + "\nold table\n" + BenchDocument.END
        + "\n\nnotes after\n\n## ingest-sqoopish: run-to-run spread\n\nkept\n";
    assertEquals("# B\n\n## ingest-sqoopish\n\nnotes before\n\n" + BenchDocument.BEGIN + "\nnew table\n" + BenchDocument.END
        + "\n\nnotes after\n\n## ingest-sqoopish: run-to-run spread\n\nkept\n", BenchDocument.update(doc, NEW));
  }

  @Test
  void replacesAnUnmarkedSectionWholeAndAppendsAMissingOne() {
    assertEquals("# B\n\n" + NEW + "\n## next\n", BenchDocument.update("# B\n\n## ingest-sqoopish\n\nold\n\n## next\n", NEW));
    assertEquals("# B\n\n" + NEW, BenchDocument.update("# B\n", NEW));
  }
}
