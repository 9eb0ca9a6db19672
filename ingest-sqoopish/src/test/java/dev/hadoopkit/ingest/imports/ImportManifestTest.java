package dev.hadoopkit.ingest.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.text.Delimiters;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportManifestTest {
  @TempDir
  java.nio.file.Path tmp;

  @Test
  void roundTripKeepsControlCharactersAndNames() throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Delimiters hive = new Delimiters('\001', '\n', '"', '\\', true);
    ImportManifest written = new ImportManifest("TEXT", List.of("id", "naïve name", "a=b"), hive, "\\N", "", "gzip");
    written.write(fs, new Path(tmp.toString()));
    assertTrue(Files.readString(tmp.resolve(ImportManifest.FILE_NAME)).contains("fields-terminated-by=1"));

    ImportManifest read = ImportManifest.read(fs, new Path(tmp.toString())).orElseThrow();
    assertEquals(List.of("id", "naïve name", "a=b"), read.columns());
    assertEquals('\001', read.delimiters().fieldsTerminatedBy());
    assertEquals('"', read.delimiters().enclosedBy());
    assertTrue(read.delimiters().encloseOptional());
    assertEquals("\\N", read.nullString());
    assertEquals("", read.nullNonString());
    assertEquals("gzip", read.codec());
    assertTrue(read.sameRecordLayout(written));
    assertFalse(read.sameRecordLayout(new ImportManifest("TEXT", List.of("id", "naïve name", "a=b"), Delimiters.DEFAULT,
        "\\N", "", "gzip")));
  }

  @Test
  void aDirectoryWithoutTheFileHasNoSchema() throws Exception {
    assertEquals(Optional.empty(), ImportManifest.read(FileSystem.getLocal(new Configuration()), new Path(tmp.toString())));
  }

  @Test
  void columnLookupIgnoresCaseAndNamesTheColumnsWhenMissing() {
    ImportManifest schema = new ImportManifest("TEXT", List.of("Id", "name"), Delimiters.DEFAULT, "null", "null", null);
    assertEquals(0, schema.indexOf("id", "--merge-key", new Path("/d")));
    IngestException e = assertThrows(IngestException.class, () -> schema.indexOf("key", "--merge-key", new Path("/d")));
    assertEquals("Column key (from --merge-key) is not among the imported columns of /d: Id, name", e.getMessage());
  }
}
