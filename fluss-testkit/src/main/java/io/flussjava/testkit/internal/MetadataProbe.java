package io.flussjava.testkit.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a Fluss server which tablet servers it knows about, using one hand-built GetMetadata request
 * over a plain socket.
 *
 * <p>A tablet server whose port is open may not have registered yet; only the coordinator's view
 * (or a tablet server's metadata cache, which the coordinator fills) says the cluster can serve
 * clients. Building the frame here keeps the test kit free of any dependency on the project's own
 * RPC code.
 */
public final class MetadataProbe {

  static final short GET_METADATA_API_KEY = 1012;
  static final int RESPONSE_SUCCESS = 0;
  static final int RESPONSE_ERROR = 1;
  static final int RESPONSE_SERVER_FAILURE = 2;

  /** MetadataResponse.tablet_servers. */
  static final int FIELD_TABLET_SERVERS = 2;

  /** PbServerNode.node_id. */
  static final int FIELD_NODE_ID = 1;

  /**
   * A probe answer is a few hundred bytes; anything huge means we are not talking to a Fluss
   * server.
   */
  private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  private MetadataProbe() {}

  /**
   * Returns the ids of the tablet servers the server at {@code host:port} currently reports.
   *
   * @throws IOException if the server cannot be reached, answers with an error or does not answer
   *     within {@code timeout}
   */
  public static List<Integer> tabletServerIds(String host, int port, Duration timeout)
      throws IOException {
    int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    int requestId = 1;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      // The server silently drops requests it cannot handle, so a read timeout is the only way out.
      socket.setSoTimeout(timeoutMillis);
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      out.write(encodeGetMetadataRequest(requestId));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length = in.readInt();
      if (length < 1 || length > MAX_RESPONSE_BYTES) {
        throw new IOException(
            "implausible response frame length " + length + " from " + host + ":" + port);
      }
      byte[] frame = new byte[length];
      in.readFully(frame);
      return parseResponse(frame, requestId);
    }
  }

  /** Encodes a complete GetMetadata request frame (length prefix included) with an empty body. */
  static byte[] encodeGetMetadataRequest(int requestId) {
    ByteBuffer frame =
        ByteBuffer.allocate(12); // big-endian by default, as the Fluss frame header is
    frame.putInt(
        8); // api_key + api_version + request_id, no body: an empty request lists just the servers
    frame.putShort(GET_METADATA_API_KEY);
    frame.putShort((short) 0);
    frame.putInt(requestId);
    return frame.array();
  }

  /** Parses a response frame (everything after the length prefix) into the tablet server ids. */
  static List<Integer> parseResponse(byte[] frame, int expectedRequestId) throws IOException {
    int type = frame[0];
    if (type == RESPONSE_SERVER_FAILURE) {
      throw new IOException("server failure: " + describeError(frame, 1));
    }
    if (frame.length < 5) {
      throw new IOException("response frame of " + frame.length + " bytes is too short");
    }
    int requestId = ByteBuffer.wrap(frame, 1, 4).getInt();
    if (requestId != expectedRequestId) {
      throw new IOException(
          "response for request " + requestId + ", expected " + expectedRequestId);
    }
    if (type == RESPONSE_ERROR) {
      throw new IOException("error response: " + describeError(frame, 5));
    }
    if (type != RESPONSE_SUCCESS) {
      throw new IOException("unknown response type " + type);
    }
    try {
      return tabletServerIds(new ProtobufScanner(frame, 5, frame.length - 5));
    } catch (IllegalArgumentException e) {
      throw new IOException("malformed MetadataResponse: " + e.getMessage(), e);
    }
  }

  private static List<Integer> tabletServerIds(ProtobufScanner response) {
    List<Integer> ids = new ArrayList<>();
    while (response.nextField()) {
      if (response.fieldNumber() == FIELD_TABLET_SERVERS
          && response.wireType() == ProtobufScanner.WIRE_LENGTH_DELIMITED) {
        ids.add(nodeId(response.readMessage()));
      } else {
        response.skipField();
      }
    }
    return ids;
  }

  private static int nodeId(ProtobufScanner serverNode) {
    int id = -1; // node_id is required; -1 still counts the server if a future version drops it
    while (serverNode.nextField()) {
      if (serverNode.fieldNumber() == FIELD_NODE_ID
          && serverNode.wireType() == ProtobufScanner.WIRE_VARINT) {
        id = (int) serverNode.readVarint();
      } else {
        serverNode.skipField();
      }
    }
    return id;
  }

  /**
   * Renders an ErrorResponse {required int32 error_code = 1; optional string error_message = 2}.
   */
  private static String describeError(byte[] frame, int offset) {
    StringBuilder text = new StringBuilder();
    try {
      ProtobufScanner error = new ProtobufScanner(frame, offset, frame.length - offset);
      while (error.nextField()) {
        if (error.fieldNumber() == 1 && error.wireType() == ProtobufScanner.WIRE_VARINT) {
          text.append("error_code=").append((int) error.readVarint()).append(' ');
        } else if (error.fieldNumber() == 2
            && error.wireType() == ProtobufScanner.WIRE_LENGTH_DELIMITED) {
          ProtobufScanner message = error.readMessage();
          text.append(new String(message.remainingBytes(), StandardCharsets.UTF_8));
        } else {
          error.skipField();
        }
      }
    } catch (IllegalArgumentException e) {
      text.append("(undecodable: ").append(e.getMessage()).append(')');
    }
    return text.toString().trim();
  }
}
