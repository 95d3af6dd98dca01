package io.flussjava.testkit.internal;

/**
 * A minimal forward-only protobuf reader: just enough to walk a {@code MetadataResponse} without
 * generated code.
 *
 * <p>The test kit must not depend on the project's RPC module (which may be mid-edit or broken
 * while its tests run), so the readiness probe decodes the few fields it needs by hand.
 */
public final class ProtobufScanner {

  public static final int WIRE_VARINT = 0;
  public static final int WIRE_FIXED64 = 1;
  public static final int WIRE_LENGTH_DELIMITED = 2;
  public static final int WIRE_FIXED32 = 5;

  private final byte[] buffer;
  private final int end;
  private int position;
  private int fieldNumber;
  private int wireType;

  public ProtobufScanner(byte[] buffer) {
    this(buffer, 0, buffer.length);
  }

  public ProtobufScanner(byte[] buffer, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buffer.length) {
      throw new IllegalArgumentException(
          "range [" + offset + ", +" + length + ") outside buffer of " + buffer.length + " bytes");
    }
    this.buffer = buffer;
    this.position = offset;
    this.end = offset + length;
  }

  /** Counts the top-level occurrences of {@code field} (any wire type) in an encoded message. */
  public static int countFields(byte[] message, int field) {
    ProtobufScanner scanner = new ProtobufScanner(message);
    int count = 0;
    while (scanner.nextField()) {
      if (scanner.fieldNumber() == field) {
        count++;
      }
      scanner.skipField();
    }
    return count;
  }

  /** Advances to the next field's tag; returns false at the end of the message. */
  public boolean nextField() {
    if (position >= end) {
      return false;
    }
    long tag = readVarint();
    fieldNumber = (int) (tag >>> 3);
    wireType = (int) (tag & 0x7);
    if (fieldNumber == 0) {
      throw new IllegalArgumentException("invalid protobuf tag 0 at offset " + (position - 1));
    }
    return true;
  }

  public int fieldNumber() {
    return fieldNumber;
  }

  public int wireType() {
    return wireType;
  }

  /** Reads the current field's value as a varint (wire type 0). */
  public long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      requireBytes(1);
      byte b = buffer[position++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes at offset " + position);
  }

  /** Reads the current length-delimited field as a nested message. */
  public ProtobufScanner readMessage() {
    int length = readLength();
    ProtobufScanner nested = new ProtobufScanner(buffer, position, length);
    position += length;
    return nested;
  }

  /**
   * Returns the bytes not read yet (e.g. the UTF-8 payload of a nested string read with {@link
   * #readMessage}).
   */
  public byte[] remainingBytes() {
    byte[] rest = java.util.Arrays.copyOfRange(buffer, position, end);
    position = end;
    return rest;
  }

  /** Skips the current field's value according to its wire type. */
  public void skipField() {
    switch (wireType) {
      case WIRE_VARINT -> readVarint();
      case WIRE_FIXED64 -> skipBytes(8);
      case WIRE_LENGTH_DELIMITED -> skipBytes(readLength());
      case WIRE_FIXED32 -> skipBytes(4);
      // Groups (3, 4) are deprecated and Fluss never sends them; refuse rather than guess.
      default ->
          throw new IllegalArgumentException(
              "unsupported protobuf wire type " + wireType + " for field " + fieldNumber);
    }
  }

  private int readLength() {
    long length = readVarint();
    if (length < 0 || length > end - position) {
      throw new IllegalArgumentException(
          "length "
              + length
              + " of field "
              + fieldNumber
              + " exceeds the "
              + (end - position)
              + " remaining bytes");
    }
    return (int) length;
  }

  private void skipBytes(int count) {
    requireBytes(count);
    position += count;
  }

  private void requireBytes(int count) {
    if (end - position < count) {
      throw new IllegalArgumentException(
          "truncated protobuf message: need "
              + count
              + " byte(s) at offset "
              + position
              + ", message ends at "
              + end);
    }
  }
}
