package dev.hadoopkit.formats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every binary format's registration on {@link FileFormat} names a model that loads and is that format's. */
@Timeout(30)
class FormatModelsTest {

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = "TEXT", mode = EnumSource.Mode.EXCLUDE)
  void everyBinaryFormatHasItsOwnModel(FileFormat format) {
    assertTrue(format.isBinary());
    FormatModel model = format.model();
    assertEquals(format, model.format());
    assertEquals(format.name().toLowerCase(java.util.Locale.ROOT), model.getClass().getPackageName()
        .substring(model.getClass().getPackageName().lastIndexOf('.') + 1), "a format's model lives in its own package");
  }

  @Test
  void textHasNoModel() {
    assertFalse(FileFormat.TEXT.isBinary());
    IllegalStateException e = assertThrows(IllegalStateException.class, FileFormat.TEXT::model);
    assertTrue(e.getMessage().startsWith("Cannot use a format model for text"), e.getMessage());
  }

  @Test
  void magicBytesPickTheFormat() {
    assertEquals(FileFormat.AVRO, detect("Obj\u0001rest"));
    assertEquals(FileFormat.PARQUET, detect("PAR1rest"));
    assertEquals(FileFormat.ORC, detect("ORC\u0000"));
    assertEquals(FileFormat.ORC, detect("ORC"));
    assertEquals(FileFormat.TEXT, detect("PAR"));
    assertEquals(FileFormat.TEXT, detect("Obj2"));
    assertEquals(FileFormat.TEXT, detect("1\t2\t3"));
    assertEquals(FileFormat.TEXT, detect(""));
  }

  private static FileFormat detect(String head) {
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    return FileFormat.detect(bytes, bytes.length);
  }
}
