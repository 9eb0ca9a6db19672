package dev.hadoopkit.workflow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTokenTest {
  @TempDir
  Path dir;

  @Test
  void createsA600FileAndReadsItBack() throws Exception {
    Path state = dir.resolve("state");
    ServerToken t = ServerToken.loadOrCreate(state);
    Path file = state.resolve("server.token");
    assertEquals(file, t.file());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(t.value().length() >= 40, t.value());
    assertEquals(t.value(), ServerToken.loadOrCreate(state).value());
    assertTrue(t.matches(t.value()));
    assertTrue(t.matches(" " + t.value() + "\n"));
    assertFalse(t.matches(t.value() + "x"));
    assertFalse(t.matches(null));
    assertFalse(t.toString().contains(t.value()));
  }

  @Test
  void refusesAFileOthersCanRead() throws Exception {
    Path file = dir.resolve("server.token");
    Files.writeString(file, "abc\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerToken.loadOrCreate(dir));
    assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertEquals("abc", ServerToken.loadOrCreate(dir).value());
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    Path file = dir.resolve("server.token");
    Files.writeString(file, "  \n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerToken.loadOrCreate(dir));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ServerToken.of(" "));
  }
}
