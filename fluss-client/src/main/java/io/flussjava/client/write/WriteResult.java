package io.flussjava.client.write;

/**
 * Where an acknowledged write landed: its bucket and, for appends, the record's log offset (the
 * change-log offset is not reported per record for upserts and deletes, so {@link #offset()} is -1
 * there).
 */
public final class WriteResult {
  private final int bucket;
  private final long offset;

  public WriteResult(int bucket, long offset) {
    this.bucket = bucket;
    this.offset = offset;
  }

  public int bucket() {
    return bucket;
  }

  /** The record's log offset, or -1 when the server did not report one. */
  public long offset() {
    return offset;
  }

  @Override
  public String toString() {
    return "WriteResult{bucket=" + bucket + ", offset=" + offset + "}";
  }
}
