package io.flussjava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtobufScannerTest {

  @Test
  void countsRepeatedTabletServerEntriesAtTheTopLevelOnly() {
    byte[] response =
        metadataResponse(
            field(1, serverNode(-1, "coordinator", 9123)),
            field(2, serverNode(0, "localhost", 9124)),
            // A field-2 entry nested inside field 3 must not be counted: only top-level fields are.
            field(
                3,
                concat(varintField(2, 7), field(4, "table-json".getBytes(StandardCharsets.UTF_8)))),
            field(2, serverNode(1, "localhost", 9125)),
            fixed32Field(9),
            fixed64Field(10),
            field(2, serverNode(2, "localhost", 9126)));

    assertThat(ProtobufScanner.countFields(response, 2)).isEqualTo(3);
    assertThat(ProtobufScanner.countFields(response, 1)).isEqualTo(1);
    assertThat(ProtobufScanner.countFields(response, 4)).isZero();
  }

  @Test
  void emptyMessageHasNoFields() {
    assertThat(ProtobufScanner.countFields(new byte[0], 2)).isZero();
  }

  @Test
  void readsMultiByteVarintsAndNestedMessages() {
    byte[] node = serverNode(300, "h", 65535);
    ProtobufScanner scanner = new ProtobufScanner(field(2, node));
    assertThat(scanner.nextField()).isTrue();
    assertThat(scanner.fieldNumber()).isEqualTo(2);
    assertThat(scanner.wireType()).isEqualTo(ProtobufScanner.WIRE_LENGTH_DELIMITED);
    ProtobufScanner nested = scanner.readMessage();
    assertThat(nested.nextField()).isTrue();
    assertThat(nested.readVarint()).isEqualTo(300);
    assertThat(scanner.nextField()).isFalse();
  }

  @Test
  void rejectsTruncatedLengthDelimitedField() {
    byte[] whole = field(2, serverNode(0, "localhost", 9124));
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 3);
    assertThatThrownBy(() -> ProtobufScanner.countFields(truncated, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void rejectsTruncatedVarint() {
    assertThatThrownBy(() -> ProtobufScanner.countFields(new byte[] {0x08, (byte) 0x80}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  // --- hand-built protobuf, independent of the scanner under test ---

  static byte[] metadataResponse(byte[]... fields) {
    return concat(fields);
  }

  /** PbServerNode { node_id = 1; host = 2; port = 3 }. */
  static byte[] serverNode(int id, String host, int port) {
    return concat(
        varintField(1, id), field(2, host.getBytes(StandardCharsets.UTF_8)), varintField(3, port));
  }

  static byte[] field(int number, byte[] payload) {
    return concat(varint((number << 3) | 2), varint(payload.length), payload);
  }

  static byte[] varintField(int number, long value) {
    return concat(varint(number << 3), varint(value));
  }

  static byte[] fixed32Field(int number) {
    return concat(varint((number << 3) | 5), new byte[] {1, 2, 3, 4});
  }

  static byte[] fixed64Field(int number) {
    return concat(varint((number << 3) | 1), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
  }

  static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Negative int32 values are sign-extended to 10 bytes, as protobuf does.
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
