package dev.hadoopkit.workflow.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The shared secret that mutating requests (POST, PUT) must carry when the server listens beyond loopback. Kept in
 * {@code <stateDir>/server.token}, mode 600; a token file that group or others may read is refused (anyone who can
 * read it can control every job).
 */
public final class ServerToken {
  public static final String FILE_NAME = "server.token";

  private final String value;
  private final Path file;

  private ServerToken(String value, Path file) {
    this.value = value;
    this.file = file;
  }

  /** A token given directly (tests, a secret manager); {@code file()} is null. */
  public static ServerToken of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the server token is empty");
    }
    return new ServerToken(value.trim(), null);
  }

  /**
   * Reads {@code <stateDir>/server.token}, or creates it (32 random bytes, URL-safe base64, mode 600) when it does not
   * exist yet. Refuses an existing file that group or others can read, write or execute, with the {@code chmod 600}
   * to fix it, and an empty file.
   */
  public static ServerToken loadOrCreate(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(stateDir);
      if (!Files.exists(file)) {
        try {
          return create(file);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: read theirs
        }
      }
      checkPermissions(file);
      String value = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (value.isEmpty()) {
        throw new IllegalStateException("the server token file " + file + " is empty: delete it and a new token is "
            + "created at the next start, or write a token into it (and chmod 600 " + file + ")");
      }
      return new ServerToken(value, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the server token " + file + ": " + e.getMessage(), e);
    }
  }

  private static ServerToken create(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
    if (posix) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    return new ServerToken(value, file);
  }

  private static void checkPermissions(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    open.retainAll(perms);
    if (!open.isEmpty()) {
      throw new IllegalStateException("the server token file " + file + " is accessible by group or others (mode "
          + PosixFilePermissions.toString(perms) + "): run chmod 600 " + file
          + " (and consider replacing the token, it may have been read)");
    }
  }

  public String value() {
    return value;
  }

  /** Where the token is kept, or null for {@link #of}. */
  public Path file() {
    return file;
  }

  /** Constant-time comparison with a presented token. */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        presented.trim().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ServerToken[" + (file == null ? "given" : file) + "]";
  }
}
