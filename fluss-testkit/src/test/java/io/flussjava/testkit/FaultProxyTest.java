package io.flussjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a tiny server that answers every request frame at once, no cluster. */
class FaultProxyTest {
  private ServerSocket echo;
  private FaultProxy proxy;

  @BeforeEach
  void setUp() throws IOException {
    echo = new ServerSocket(0);
    Thread t = new Thread(this::serve, "echo-server");
    t.setDaemon(true);
    t.start();
    proxy = FaultProxy.start("localhost", echo.getLocalPort());
  }

  @AfterEach
  void tearDown() throws IOException {
    proxy.close();
    echo.close();
  }

  // Answers each request (api key, version, request id) with a success frame echoing the id.
  private void serve() {
    while (!echo.isClosed()) {
      try {
        Socket s = echo.accept();
        Thread t =
            new Thread(
                () -> {
                  try (s) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    while (true) {
                      int length = in.readInt();
                      in.readShort();
                      in.readShort();
                      int requestId = in.readInt();
                      in.skipNBytes(length - 8);
                      out.writeInt(5);
                      out.writeByte(0);
                      out.writeInt(requestId);
                      out.flush();
                    }
                  } catch (IOException e) {
                    // client gone
                  }
                });
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static Socket connect(FaultProxy proxy) throws IOException {
    Socket s = new Socket("localhost", proxy.port());
    s.setSoTimeout(1_000);
    return s;
  }

  private static void request(Socket s, int apiKey, int requestId) throws IOException {
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeInt(8 + 3);
    out.writeShort(apiKey);
    out.writeShort(0);
    out.writeInt(requestId);
    out.write(new byte[] {1, 2, 3});
    out.flush();
  }

  /** The request id of the next response. */
  private static int response(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    assertEquals(5, in.readInt());
    assertEquals(0, in.readByte());
    return in.readInt();
  }

  @Test
  void dropsOnlyTheNthResponseOfTheChosenApi() throws IOException {
    proxy.dropResponse(FaultProxy.PRODUCE_LOG, 2);
    try (Socket s = connect(proxy)) {
      request(s, FaultProxy.PRODUCE_LOG, 0);
      request(s, FaultProxy.FETCH_LOG, 1);
      request(s, FaultProxy.PRODUCE_LOG, 2);
      request(s, FaultProxy.PRODUCE_LOG, 3);
      assertEquals(0, response(s));
      assertEquals(1, response(s));
      assertEquals(3, response(s), "the second ProduceLog answer is lost, the third passes");
      assertEquals(1, proxy.droppedResponses());
      assertTrue(!proxy.dropPending());
    }
  }

  @Test
  void aBlackHoleAnswersNothingUntilCleared() throws IOException {
    proxy.blackHole(true);
    try (Socket s = connect(proxy)) {
      request(s, FaultProxy.LOOKUP, 0);
      assertThrows(SocketTimeoutException.class, () -> response(s));
      proxy.clear();
      request(s, FaultProxy.LOOKUP, 1);
      assertEquals(1, response(s), "request 0 is lost for good");
    }
  }

  @Test
  void latencyDelaysEveryFrame() throws IOException {
    proxy.latency(Duration.ofMillis(150));
    try (Socket s = connect(proxy)) {
      long start = System.nanoTime();
      request(s, FaultProxy.PUT_KV, 0);
      assertEquals(0, response(s));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300, "both ways");
    }
  }

  @Test
  void resetAndHalfCloseEndTheClientsConnection() throws IOException {
    try (Socket s = connect(proxy)) {
      request(s, FaultProxy.PUT_KV, 0);
      assertEquals(0, response(s));
      proxy.resetConnections();
      assertThrows(SocketException.class, () -> response(s));
    }
    try (Socket s = connect(proxy)) {
      request(s, FaultProxy.PUT_KV, 0);
      assertEquals(0, response(s));
      proxy.halfCloseConnections();
      assertThrows(EOFException.class, () -> response(s));
    }
  }
}
