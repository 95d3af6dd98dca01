package io.flussjava.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Packs {@link ExitWithParent} into a one-class jar for the child JVMs' classpath.
 *
 * <p>A jar rather than this module's classes directory: the child should see nothing of the test
 * kit but this one JDK-only class, and class data sharing refuses classpaths with non-empty
 * directories. The jar name carries a hash of the class, so concurrent builds with different test
 * kit versions never overwrite each other's jar.
 */
public final class ExitWithParentJar {

  private ExitWithParentJar() {}

  /**
   * Returns the jar in {@code dir}, writing it first if absent. Safe against concurrent writers.
   */
  public static Path in(Path dir) {
    byte[] classBytes = classBytes();
    Path jar = dir.resolve("exit-with-parent-" + shortHash(classBytes) + ".jar");
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "exit-with-parent-", ".tmp");
      try {
        try (OutputStream file = Files.newOutputStream(temp);
            JarOutputStream out = new JarOutputStream(file)) {
          JarEntry entry = new JarEntry(entryName());
          // A fixed timestamp keeps the jar's content identical across writers.
          entry.setTime(0);
          out.putNextEntry(entry);
          out.write(classBytes);
          out.closeEntry();
        }
        moveIntoPlace(temp, jar);
      } finally {
        Files.deleteIfExists(temp);
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + jar, e);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another JVM won the race with identical content.
    } catch (AtomicMoveNotSupportedException e) {
      if (!Files.exists(target)) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static String entryName() {
    return ExitWithParent.class.getName().replace('.', '/') + ".class";
  }

  private static byte[] classBytes() {
    try (InputStream in = ExitWithParent.class.getResourceAsStream("/" + entryName())) {
      if (in == null) {
        throw new IllegalStateException(
            "class file of " + ExitWithParent.class.getName() + " not found");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the class file of " + ExitWithParent.class.getName(), e);
    }
  }

  static String shortHash(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
