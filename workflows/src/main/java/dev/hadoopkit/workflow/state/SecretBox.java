package dev.hadoopkit.workflow.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of secret job properties in the journal. Why encrypted rather than left out: a run must resume after
 * its engine died ({@code run --resume}, sub-workflow resume, {@code rerun}) without anyone typing the passwords again,
 * and the journal is the only thing that outlives the engine. So the values are stored as
 * {@code enc:v1:<base64(iv | AES-256-GCM ciphertext)>} under a key kept in {@code <state dir>/secrets.key} (mode 600,
 * created with the first secret). A copied or attached journal, run.log or action output reveals nothing; whoever can
 * read the key file as the run's user can decrypt, which is the protection ~/.ssh keys have. Deleting the key file
 * makes the secrets of every run in that state dir unreadable (such runs can still be shown, not resumed).
 */
public final class SecretBox {
  public static final String KEY_FILE = "secrets.key";
  static final String PREFIX = "enc:v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path keyFile;
  private final SecureRandom random = new SecureRandom();
  private byte[] key;

  public SecretBox(Path stateDir) {
    this.keyFile = stateDir.resolve(KEY_FILE);
  }

  public Path keyFile() {
    return keyFile;
  }

  /**
   * The properties with every secret value encrypted: those with a secret name, and any other that holds such a
   * value (a coordinator passing {@code ${dbPassword}} to its workflow as {@code pw}, a URL with the password in
   * it). The key file is created on first use.
   */
  public Map<String, String> seal(Map<String, String> conf) throws IOException {
    Secrets secrets = Secrets.of(conf);
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : conf.entrySet()) {
      String value = e.getValue();
      boolean secret = value != null && !value.isEmpty() && !value.startsWith(PREFIX)
          && (Secrets.isSecretName(e.getKey()) || !secrets.mask(value).equals(value));
      out.put(e.getKey(), secret ? encrypt(value) : value);
    }
    return out;
  }

  /**
   * The properties with encrypted values decrypted. {@code strict}: a value that cannot be decrypted is an error (a
   * run cannot go on with a wrong password); otherwise it is shown as the mask.
   */
  public Map<String, String> open(Map<String, String> conf, boolean strict) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : conf.entrySet()) {
      String value = e.getValue();
      if (value != null && value.startsWith(PREFIX)) {
        try {
          value = decrypt(value);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
          if (strict) {
            throw new IOException("Cannot decrypt secret property " + e.getKey() + ": the key file " + keyFile
                + " is missing or is not the one the run was submitted with (" + ex.getMessage() + "); submit"
                + " the run again with the property", ex);
          }
          value = Secrets.MASK;
        }
      }
      out.put(e.getKey(), value);
    }
    return out;
  }

  private String encrypt(String value) throws IOException {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(true), "AES"), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot encrypt a secret property: " + e.getMessage(), e);
    }
  }

  private String decrypt(String value) throws IOException, GeneralSecurityException {
    byte[] in = Base64.getDecoder().decode(value.substring(PREFIX.length()));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(false), "AES"),
        new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
    return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
  }

  private synchronized byte[] key(boolean create) throws IOException {
    if (key != null) {
      return key;
    }
    if (!Files.exists(keyFile)) {
      if (!create) {
        throw new IOException("no key file");
      }
      createKeyFile();
    }
    PosixFileAttributeView view = Files.getFileAttributeView(keyFile, PosixFileAttributeView.class);
    if (view != null && !OWNER_ONLY.containsAll(view.readAttributes().permissions())) {
      throw new IOException("Cannot use " + keyFile + ": it is readable by others ("
          + PosixFilePermissions.toString(view.readAttributes().permissions()) + "); chmod 600 it");
    }
    byte[] read = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
    if (read.length != 32) {
      throw new IOException("Cannot use " + keyFile + ": it does not hold a 256-bit key");
    }
    key = read;
    return key;
  }

  /** Written to a temporary file of mode 600 and moved into place, so no other engine sees half a key. */
  private void createKeyFile() throws IOException {
    Files.createDirectories(keyFile.getParent());
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    Path temp = Files.createTempFile(keyFile.getParent(), ".secrets", ".tmp",
        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(temp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
      Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // another engine created it first: use that one
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
