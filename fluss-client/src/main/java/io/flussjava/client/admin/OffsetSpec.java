package io.flussjava.client.admin;

/** Which offset {@link Admin#listOffsets} asks for. */
public final class OffsetSpec {
  private static final OffsetSpec EARLIEST = new OffsetSpec(Kind.EARLIEST, 0);
  private static final OffsetSpec LATEST = new OffsetSpec(Kind.LATEST, 0);

  private enum Kind {
    EARLIEST,
    LATEST,
    TIMESTAMP
  }

  private final Kind kind;
  private final long timestamp;

  private OffsetSpec(Kind kind, long timestamp) {
    this.kind = kind;
    this.timestamp = timestamp;
  }

  /** The earliest offset still retained. */
  public static OffsetSpec earliest() {
    return EARLIEST;
  }

  /** The offset the next appended record will get (the end of the log). */
  public static OffsetSpec latest() {
    return LATEST;
  }

  /** The first offset whose commit timestamp is at or after {@code timestampMillis} (epoch ms). */
  public static OffsetSpec timestamp(long timestampMillis) {
    return new OffsetSpec(Kind.TIMESTAMP, timestampMillis);
  }

  public boolean isEarliest() {
    return kind == Kind.EARLIEST;
  }

  public boolean isTimestamp() {
    return kind == Kind.TIMESTAMP;
  }

  public long timestamp() {
    return timestamp;
  }

  @Override
  public String toString() {
    return kind == Kind.TIMESTAMP
        ? "timestamp(" + timestamp + ")"
        : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
