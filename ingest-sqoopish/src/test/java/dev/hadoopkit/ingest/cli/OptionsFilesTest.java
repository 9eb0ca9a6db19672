package dev.hadoopkit.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hadoopkit.formats.tool.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsFilesTest {
  @TempDir
  Path tmp;

  @Test
  void expandsOneOptionPerLineWithCommentsQuotesAndContinuations() throws Exception {
    Path file = tmp.resolve("import.txt");
    Files.writeString(file, "# connection\nimport\n--connect\n  jdbc:mysql://localhost/db  \n\n--query\n"
        + "\"SELECT a, b FROM t \\\nWHERE $CONDITIONS\"\n");
    assertEquals(List.of("x", "import", "--connect", "jdbc:mysql://localhost/db", "--query",
        "SELECT a, b FROM t WHERE $CONDITIONS", "-m", "1"),
        OptionsFiles.expand(List.of("x", "--options-file", file.toString(), "-m", "1")));
  }

  @Test
  void skipsCommentAndBlankLinesInsideAContinuedLineAsSqoopDoes() throws Exception {
    Path file = tmp.resolve("q.txt");
    Files.writeString(file, "--query\nSELECT a \\\n# a comment between the halves\n\n  FROM t WHERE $CONDITIONS\n");
    assertEquals(List.of("--query", "SELECT a FROM t WHERE $CONDITIONS"), OptionsFiles.expand(List.of("--options-file",
        file.toString())));
  }

  @Test
  void namesTheFileWhenItCannotBeRead() {
    UsageException e = assertThrows(UsageException.class, () -> OptionsFiles.expand(List.of("--options-file", "/no/such")));
    assertEquals("Cannot read options file /no/such: /no/such", e.getMessage());
  }
}
