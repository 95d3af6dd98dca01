package io.flussjava.client.fs;

import io.flussjava.exception.FlussException;
import java.util.Set;

/**
 * A path names a storage scheme no {@link RemoteFileSystem} on the classpath serves (e.g. {@code
 * s3} without a module for it).
 */
public class UnsupportedFileSystemException extends FlussException {
  private static final long serialVersionUID = 1L;

  private final String scheme;

  public UnsupportedFileSystemException(String scheme, String path, Set<String> supported) {
    super(
        "no file system for scheme '"
            + scheme
            + "' (path "
            + path
            + "); supported: "
            + supported
            + ". Add a module implementing io.flussjava.client.fs.RemoteFileSystem for it to the"
            + " classpath.");
    this.scheme = scheme;
  }

  /** The scheme no file system serves. */
  public String scheme() {
    return scheme;
  }
}
