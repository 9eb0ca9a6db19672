package dev.hadoopkit.workflow.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @TempDir
  Path root;

  @Test
  void secretNamesAreMatchedCaseInsensitively() {
    for (String name : new String[] {"dbPassword", "PASSWORD", "aws.secret.key", "apiToken", "oozie.credentials"}) {
      assertTrue(Secrets.isSecretName(name), name);
    }
    for (String name : new String[] {"user.name", "nameNode", "passwd", "tok"}) {
      assertFalse(Secrets.isSecretName(name), name);
    }
  }

  @Test
  void masksValuesInTextLongestFirstAndNamedPropertiesWhateverTheirLength() {
    Secrets secrets = Secrets.of(Map.of("dbPassword", "hunter2", "pin.secret", "abc", "other", "hunter2-not-secret",
        "longToken", "hunter2-extended"));
    assertEquals("user ******** and ******** and abc", secrets.mask("user hunter2 and hunter2-extended and abc"));
    assertEquals(Map.of("dbPassword", Secrets.MASK, "pin.secret", Secrets.MASK, "other", "********-not-secret",
        "longToken", Secrets.MASK), secrets.maskConf(Map.of("dbPassword", "hunter2", "pin.secret", "abc", "other",
        "hunter2-not-secret", "longToken", "hunter2-extended")));
  }

  @Test
  void sealEncryptsOnlySecretsAndOpenGivesThemBack() throws IOException {
    SecretBox box = new SecretBox(root);
    Map<String, String> sealed = box.seal(Map.of("dbPassword", "hunter2", "nameNode", "file:///"));
    assertTrue(sealed.get("dbPassword").startsWith("enc:v1:"), sealed.toString());
    assertEquals("file:///", sealed.get("nameNode"));
    assertNotEquals(sealed, box.seal(Map.of("dbPassword", "hunter2", "nameNode", "file:///")), "fresh IV each time");
    assertEquals(Map.of("dbPassword", "hunter2", "nameNode", "file:///"), new SecretBox(root).open(sealed, true));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(box.keyFile())));
  }

  @Test
  void aValueHoldingASecretIsSealedWhateverItsName() throws IOException {
    // a coordinator hands ${dbPassword} to its workflow as "pw" (or inside a JDBC URL): that copy is a secret too
    Map<String, String> conf = Map.of("dbPassword", "s3cretpw", "pw", "s3cretpw",
        "url", "jdbc:mysql://db/x?password=s3cretpw", "nameNode", "file:///", "short", "abc");
    Map<String, String> sealed = new SecretBox(root).seal(conf);
    assertTrue(sealed.get("pw").startsWith("enc:"), sealed.toString());
    assertTrue(sealed.get("url").startsWith("enc:"), sealed.toString());
    assertEquals("file:///", sealed.get("nameNode"));
    assertEquals("abc", sealed.get("short"));
    assertEquals(conf, new SecretBox(root).open(sealed, true));
  }

  @Test
  void withoutTheKeyOpenIsAnErrorForRunsAndTheMaskForDisplay() throws IOException {
    Map<String, String> sealed = new SecretBox(root).seal(Map.of("dbPassword", "hunter2"));
    Files.delete(root.resolve(SecretBox.KEY_FILE));
    IOException e = assertThrows(IOException.class, () -> new SecretBox(root).open(sealed, true));
    assertTrue(e.getMessage().contains("Cannot decrypt secret property dbPassword"), e.getMessage());
    assertEquals(Map.of("dbPassword", Secrets.MASK), new SecretBox(root).open(sealed, false));
  }

  @Test
  void refusesAKeyFileOthersCanRead() throws IOException {
    SecretBox box = new SecretBox(root);
    Map<String, String> sealed = box.seal(Map.of("dbPassword", "hunter2"));
    Files.setPosixFilePermissions(box.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
    IOException e = assertThrows(IOException.class, () -> new SecretBox(root).open(sealed, true));
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
  }

  @Test
  void scrubMasksValuesInsideFiles() throws IOException {
    Path file = Files.writeString(root.resolve("stdout"), "password is hunter2\n");
    Secrets.of(Map.of("dbPassword", "hunter2")).scrub(root);
    assertEquals("password is ********\n", Files.readString(file));
  }
}
