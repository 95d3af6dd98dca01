package io.flussjava.client.fs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Read access to the storage a Fluss cluster tiers log segments to ({@code remote.data.dir} of the
 * servers). A scanner only reads whole files it was told about by a server, so this is all it
 * needs.
 *
 * <p>Implementations are found by URI scheme in {@link RemoteFileSystems}; another module can add
 * one (e.g. {@code s3}) by listing its class in {@code
 * META-INF/services/io.flussjava.client.fs.RemoteFileSystem}. They must be thread-safe: several
 * download threads use one instance.
 */
public interface RemoteFileSystem {

  /** The URI schemes served, lower case, e.g. {@code file}. */
  Set<String> schemes();

  /** Whether the file exists. */
  boolean exists(URI file) throws IOException;

  /**
   * Opens the file for reading from its start.
   *
   * @throws java.nio.file.NoSuchFileException if it does not exist
   */
  InputStream open(URI file) throws IOException;

  /**
   * The file as a path of this machine when it can be read in place (a local or mounted file
   * system), so that no copy is made; empty when it must be downloaded through {@link #open}.
   */
  default Optional<Path> localPath(URI file) {
    return Optional.empty();
  }
}
