package io.flussjava.rpc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A tiny blocking-socket peer for unit tests: every received request frame goes to {@link
 * #requests()}; the optional auto-responder answers some of them right away (e.g. ApiVersions); the
 * test answers the rest with {@link #send(byte[])} in whatever order it likes.
 */
public final class FakeServer implements AutoCloseable {
  /**
   * Decides the immediate answer to a request; may write nothing to leave the request unanswered.
   */
  public interface Responder extends BiConsumer<TestFrames.Request, FakeServer> {}

  private final ServerSocket serverSocket;
  private final Responder responder;
  private final BlockingQueue<TestFrames.Request> requests = new LinkedBlockingQueue<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private volatile OutputStream currentOut;

  public FakeServer(Responder responder) throws IOException {
    this.responder = responder;
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "fake-fluss-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Answers ApiVersions as a coordinator and leaves every other request unanswered. */
  public static Responder answeringApiVersionsOnly() {
    return (request, server) -> {
      if (request.apiKey == ApiKey.API_VERSIONS.id()) {
        server.send(
            TestFrames.success(
                request.requestId, TestFrames.apiVersions(1, ApiKey.LIST_DATABASES, 0)));
      }
    };
  }

  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", serverSocket.getLocalPort());
  }

  public BlockingQueue<TestFrames.Request> requests() {
    return requests;
  }

  /** The next request that is not ApiVersions, waiting up to 5 s. */
  public TestFrames.Request nextRequest() throws InterruptedException {
    while (true) {
      TestFrames.Request r = requests.poll(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived within 5 s");
      }
      if (r.apiKey != ApiKey.API_VERSIONS.id()) {
        return r;
      }
    }
  }

  /** Writes raw bytes to the most recent connection. */
  public synchronized void send(byte[] frame) {
    try {
      currentOut.write(frame);
      currentOut.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Drops every client connection (the server socket keeps listening). */
  public void dropConnections() throws IOException {
    for (Socket s : new ArrayList<>(sockets)) {
      s.close();
    }
  }

  public int connectionCount() {
    return sockets.size();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        sockets.add(socket);
        currentOut = socket.getOutputStream();
        Thread reader = new Thread(() -> readLoop(socket), "fake-fluss-reader");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void readLoop(Socket socket) {
    try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
      while (true) {
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        TestFrames.Request request = TestFrames.Request.parse(frame);
        requests.add(request);
        if (responder != null) {
          responder.accept(request, this);
        }
      }
    } catch (EOFException e) {
      // client closed
    } catch (IOException e) {
      // socket closed by the test
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    dropConnections();
  }
}
