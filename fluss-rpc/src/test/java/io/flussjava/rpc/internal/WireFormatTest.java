package io.flussjava.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.rpc.ApiKey;
import io.flussjava.rpc.protocol.ListDatabasesRequest;
import io.flussjava.rpc.protocol.PbPutKvReqForBucket;
import io.flussjava.rpc.protocol.PutKvRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void requestFrameHasLengthHeaderAndBodyBigEndian() {
    ListDatabasesRequest request =
        ListDatabasesRequest.newBuilder().setIncludeSummary(true).build();

    byte[] bytes =
        encode(UnpooledByteBufAllocator.DEFAULT, ApiKey.LIST_DATABASES.id(), (short) 0, 7, request);

    assertThat(ByteBufUtil.hexDump(bytes))
        .isEqualTo(
            "0000000a" // frame length: 8 header bytes + 2 body bytes
                + "03eb" // api key 1003
                + "0000" // api version 0
                + "00000007" // request id 7
                + "0801"); // include_summary = true
  }

  @Test
  void emptyMessageHasNoBodyBytes() {
    byte[] bytes =
        encode(
            UnpooledByteBufAllocator.DEFAULT,
            ApiKey.API_VERSIONS.id(),
            (short) 0,
            0,
            ListDatabasesRequest.getDefaultInstance());

    assertThat(ByteBufUtil.hexDump(bytes)).isEqualTo("00000008" + "03e8" + "0000" + "00000000");
  }

  @Test
  void largeBodyIsWrittenStraightIntoPooledDirectAndHeapBuffers() {
    byte[] records = new byte[100_000];
    Arrays.fill(records, (byte) 0x5a);
    PutKvRequest request =
        PutKvRequest.newBuilder()
            .setAcks(-1)
            .setTableId(42)
            .setTimeoutMs(30_000)
            .addTargetColumns(0)
            .addTargetColumns(2)
            .addBucketsReq(
                PbPutKvReqForBucket.newBuilder()
                    .setBucketId(3)
                    .setRecords(com.google.protobuf.ByteString.copyFrom(records)))
            .build();
    byte[] body = request.toByteArray();

    for (ByteBufAllocator allocator :
        new ByteBufAllocator[] {
          PooledByteBufAllocator.DEFAULT, new UnpooledByteBufAllocator(false)
        }) {
      byte[] frame = encode(allocator, ApiKey.PUT_KV.id(), (short) 1, Integer.MAX_VALUE, request);
      assertThat(frame).hasSize(12 + body.length);
      assertThat(Arrays.copyOfRange(frame, 0, 12))
          .isEqualTo(
              java.nio.ByteBuffer.allocate(12)
                  .putInt(8 + body.length)
                  .putShort((short) 1016)
                  .putShort((short) 1)
                  .putInt(Integer.MAX_VALUE)
                  .array());
      assertThat(Arrays.copyOfRange(frame, 12, frame.length)).isEqualTo(body);
    }
  }

  @Test
  void packedRepeatedFieldsAreEncodedPacked() {
    // target_columns = 4 [packed]: tag 0x22, length 2, values 0 and 2.
    byte[] body =
        PutKvRequest.newBuilder()
            .setAcks(1)
            .setTableId(1)
            .setTimeoutMs(1)
            .addTargetColumns(0)
            .addTargetColumns(2)
            .build()
            .toByteArray();
    assertThat(ByteBufUtil.hexDump(body)).contains("22020002");
  }

  private static byte[] encode(
      ByteBufAllocator allocator,
      short key,
      short version,
      int id,
      com.google.protobuf.MessageLite message) {
    ByteBuf frame = WireFormat.encodeRequest(allocator, key, version, id, message);
    try {
      assertThat(frame.writableBytes()).as("sized exactly").isZero();
      return ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
  }
}
