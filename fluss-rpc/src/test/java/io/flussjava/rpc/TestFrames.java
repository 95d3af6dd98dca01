package io.flussjava.rpc;

import com.google.protobuf.MessageLite;
import io.flussjava.rpc.protocol.ApiVersionsResponse;
import io.flussjava.rpc.protocol.ErrorResponse;
import io.flussjava.rpc.protocol.PbApiVersion;
import java.nio.ByteBuffer;

/** Builds server-side frames by hand, independently of the client's encoder, for tests. */
public final class TestFrames {
  private TestFrames() {}

  /** A request frame as read from the wire (length prefix already consumed). */
  public static final class Request {
    public final short apiKey;
    public final short apiVersion;
    public final int requestId;
    public final byte[] body;

    public Request(short apiKey, short apiVersion, int requestId, byte[] body) {
      this.apiKey = apiKey;
      this.apiVersion = apiVersion;
      this.requestId = requestId;
      this.body = body;
    }

    /** Parses the bytes after the length prefix. */
    public static Request parse(byte[] afterLength) {
      ByteBuffer b = ByteBuffer.wrap(afterLength);
      short key = b.getShort();
      short version = b.getShort();
      int id = b.getInt();
      byte[] body = new byte[b.remaining()];
      b.get(body);
      return new Request(key, version, id, body);
    }

    @Override
    public String toString() {
      return "Request{key=" + apiKey + ", version=" + apiVersion + ", id=" + requestId + "}";
    }
  }

  public static byte[] success(int requestId, MessageLite body) {
    byte[] payload = body.toByteArray();
    return ByteBuffer.allocate(4 + 1 + 4 + payload.length)
        .putInt(1 + 4 + payload.length)
        .put((byte) 0)
        .putInt(requestId)
        .put(payload)
        .array();
  }

  public static byte[] error(int requestId, int code, String message) {
    byte[] payload =
        ErrorResponse.newBuilder()
            .setErrorCode(code)
            .setErrorMessage(message)
            .build()
            .toByteArray();
    return ByteBuffer.allocate(4 + 1 + 4 + payload.length)
        .putInt(1 + 4 + payload.length)
        .put((byte) 1)
        .putInt(requestId)
        .put(payload)
        .array();
  }

  public static byte[] serverFailure(int code, String message) {
    byte[] payload =
        ErrorResponse.newBuilder()
            .setErrorCode(code)
            .setErrorMessage(message)
            .build()
            .toByteArray();
    return ByteBuffer.allocate(4 + 1 + payload.length)
        .putInt(1 + payload.length)
        .put((byte) 2)
        .put(payload)
        .array();
  }

  /**
   * An ApiVersions answer: a coordinator (1) or tablet server (2) listing the given keys with max
   * versions.
   */
  public static ApiVersionsResponse apiVersions(int serverType, Object... keyAndMaxVersion) {
    ApiVersionsResponse.Builder b = ApiVersionsResponse.newBuilder().setServerType(serverType);
    for (int i = 0; i < keyAndMaxVersion.length; i += 2) {
      ApiKey key = (ApiKey) keyAndMaxVersion[i];
      int max = (Integer) keyAndMaxVersion[i + 1];
      b.addApiVersions(
          PbApiVersion.newBuilder().setApiKey(key.id()).setMinVersion(0).setMaxVersion(max));
    }
    return b.build();
  }
}
