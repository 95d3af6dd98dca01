package io.flussjava.testkit.internal;

import static io.flussjava.testkit.internal.ProtobufScannerTest.concat;
import static io.flussjava.testkit.internal.ProtobufScannerTest.field;
import static io.flussjava.testkit.internal.ProtobufScannerTest.serverNode;
import static io.flussjava.testkit.internal.ProtobufScannerTest.varintField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetadataProbeTest {

  @Test
  void encodesGetMetadataWithEmptyBody() {
    ByteBuffer frame = ByteBuffer.wrap(MetadataProbe.encodeGetMetadataRequest(7));
    assertThat(frame.remaining()).isEqualTo(12);
    assertThat(frame.getInt()).as("frame length").isEqualTo(8);
    assertThat(frame.getShort()).as("api key").isEqualTo((short) 1012);
    assertThat(frame.getShort()).as("api version").isZero();
    assertThat(frame.getInt()).as("request id").isEqualTo(7);
  }

  @Test
  void parsesTabletServerIdsFromSuccessResponse() throws IOException {
    byte[] body =
        concat(
            field(1, serverNode(-1, "localhost", 1)),
            field(2, serverNode(0, "localhost", 2)),
            field(2, serverNode(3, "localhost", 3)));
    assertThat(MetadataProbe.parseResponse(response(0, 5, body), 5)).containsExactly(0, 3);
  }

  @Test
  void reportsErrorResponseWithCodeAndMessage() {
    byte[] error =
        concat(varintField(1, 1), field(2, "not ready".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> MetadataProbe.parseResponse(response(1, 5, error), 5))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("error_code=1")
        .hasMessageContaining("not ready");
  }

  @Test
  void reportsServerFailureWhichHasNoRequestId() {
    byte[] error = varintField(1, 3);
    byte[] frame = concat(new byte[] {2}, error);
    assertThatThrownBy(() -> MetadataProbe.parseResponse(frame, 5))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("server failure");
  }

  @Test
  void rejectsResponseToAnotherRequest() {
    assertThatThrownBy(() -> MetadataProbe.parseResponse(response(0, 9, new byte[0]), 5))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected 5");
  }

  @Test
  void talksToAServerOverASocket() throws Exception {
    byte[] body = field(2, serverNode(0, "localhost", 1234));
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<short[]> seen =
          CompletableFuture.supplyAsync(() -> answerOnce(server, body));
      assertThat(
              MetadataProbe.tabletServerIds(
                  "localhost", server.getLocalPort(), Duration.ofSeconds(5)))
          .containsExactly(0);
      assertThat(seen.get(5, TimeUnit.SECONDS)).containsExactly((short) 1012, (short) 0);
    }
  }

  @Test
  void timesOutWhenTheServerNeverAnswers() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // Accepted by the backlog but never answered, like a Fluss server dropping a request it
      // cannot handle.
      assertThatThrownBy(
              () ->
                  MetadataProbe.tabletServerIds(
                      "localhost", server.getLocalPort(), Duration.ofMillis(300)))
          .isInstanceOf(IOException.class);
    }
  }

  /** Reads one request, answers with {@code body}; returns the request's api key and version. */
  private static short[] answerOnce(ServerSocket server, byte[] body) {
    try (Socket socket = server.accept()) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length = in.readInt();
      short apiKey = in.readShort();
      short apiVersion = in.readShort();
      int requestId = in.readInt();
      in.skipNBytes(length - 8L);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      byte[] frame = response(0, requestId, body);
      out.writeInt(frame.length);
      out.write(frame);
      out.flush();
      return new short[] {apiKey, apiVersion};
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  /** A response frame without its length prefix: type, request id, body. */
  private static byte[] response(int type, int requestId, byte[] body) {
    return ByteBuffer.allocate(5 + body.length)
        .put((byte) type)
        .putInt(requestId)
        .put(body)
        .array();
  }
}
