package io.flussjava.fs.s3;

import io.flussjava.client.fs.RemoteFileSystem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * Reads {@code s3://bucket/key} and {@code s3a://bucket/key} files (Fluss servers write either,
 * depending on their {@code remote.data.dir}) from AWS S3 or an S3-compatible store with the AWS
 * SDK v2. Thread-safe.
 *
 * <p>With this module's jar on the classpath, {@link io.flussjava.client.fs.RemoteFileSystems}
 * finds it through {@link java.util.ServiceLoader} and configures it from system properties and
 * environment variables ({@link S3Config#fromEnvironment()}). The S3 client is made at the first
 * read, so a classpath scan never fails for a bad setting; that read fails instead, naming it.
 */
public final class S3FileSystem implements RemoteFileSystem, AutoCloseable {
  // Null for the ServiceLoader instance: read from the environment at the first read.
  private final S3Config config;
  private Connected connected;
  private boolean closed;

  /** Configured by {@link S3Config#fromEnvironment()} at the first read; for ServiceLoader. */
  public S3FileSystem() {
    this(null);
  }

  /** Configured by {@code config}. */
  public static S3FileSystem of(S3Config config) {
    return new S3FileSystem(Objects.requireNonNull(config, "config"));
  }

  private S3FileSystem(S3Config config) {
    this.config = config;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("s3", "s3a");
  }

  @Override
  public boolean exists(URI file) throws IOException {
    S3Location location = S3Location.of(file);
    Connected s3 = connected();
    try {
      s3.client.headObject(
          HeadObjectRequest.builder().bucket(location.bucket()).key(location.key()).build());
      return true;
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return false;
      }
      throw s3.errors.toIoException("HEAD", location, e);
    }
  }

  /**
   * Streams the object from its start; close the stream to release the connection.
   *
   * @throws java.nio.file.NoSuchFileException if the object or bucket does not exist
   * @throws S3AccessDeniedException if S3 refuses
   */
  @Override
  public InputStream open(URI file) throws IOException {
    S3Location location = S3Location.of(file);
    Connected s3 = connected();
    try {
      return new SdkErrorsAsIo(
          s3.client.getObject(
              GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).build()),
          s3.errors,
          location);
    } catch (SdkException e) {
      throw s3.errors.toIoException("GET", location, e);
    }
  }

  /** Closes the S3 client; reads after this fail with {@link IllegalStateException}. */
  @Override
  public synchronized void close() {
    closed = true;
    if (connected != null) {
      connected.client.close();
      connected = null;
    }
  }

  private record Connected(S3Client client, S3Errors errors) {}

  private synchronized Connected connected() {
    if (closed) {
      throw new IllegalStateException("S3FileSystem is closed");
    }
    if (connected == null) {
      S3Config effective = config != null ? config : S3Config.fromEnvironment();
      connected = new Connected(S3Clients.create(effective), new S3Errors(effective));
    }
    return connected;
  }

  /**
   * The object's bytes, with the SDK's unchecked exceptions while reading (e.g. a checksum that
   * does not match) turned into {@link IOException}s, as an {@link InputStream}'s callers expect.
   */
  private static final class SdkErrorsAsIo extends FilterInputStream {
    private final S3Errors errors;
    private final S3Location location;

    SdkErrorsAsIo(InputStream in, S3Errors errors, S3Location location) {
      super(in);
      this.errors = errors;
      this.location = location;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (SdkException e) {
        throw errors.toIoException("read", location, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (SdkException e) {
        throw errors.toIoException("read", location, e);
      }
    }
  }
}
