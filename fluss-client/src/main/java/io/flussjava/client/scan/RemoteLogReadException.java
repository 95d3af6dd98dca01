package io.flussjava.client.scan;

import io.flussjava.client.TableBucket;
import io.flussjava.exception.FlussException;

/**
 * A tiered (remote) log segment a server pointed a scanner to cannot be read: the file is missing,
 * its storage scheme has no file system ({@link
 * io.flussjava.client.fs.UnsupportedFileSystemException} as the cause), or its content is damaged.
 * The bucket's subscription ends: records before the offset were returned, and nothing after it is
 * skipped silently.
 */
public class RemoteLogReadException extends FlussException {
  private static final long serialVersionUID = 1L;

  private final transient TableBucket bucket;
  private final long offset;
  private final String remotePath;

  public RemoteLogReadException(
      TableBucket bucket, long offset, String remotePath, String problem, Throwable cause) {
    super(
        "cannot read "
            + bucket
            + " at offset "
            + offset
            + " from remote log segment "
            + remotePath
            + ": "
            + problem,
        cause);
    this.bucket = bucket;
    this.offset = offset;
    this.remotePath = remotePath;
  }

  /** The bucket whose subscription ended. */
  public TableBucket bucket() {
    return bucket;
  }

  /** The offset the scanner was reading at. */
  public long offset() {
    return offset;
  }

  /** The segment file, as the server named it. */
  public String remotePath() {
    return remotePath;
  }
}
