package io.flussjava.testkit.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection through a fault proxy: two threads copy whole Fluss frames (an int32
 * big-endian length, then that many bytes), one each way, applying the proxy's current faults to
 * every frame. Request frames say their API key and request id; response frames echo the request
 * id, which is how a response is matched to its API key for dropping.
 */
public final class ProxyLink {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyLink.class);
  private static final int MAX_FRAME = 128 * 1024 * 1024;

  private final Socket client;
  private final Socket server;
  private final FaultSettings faults;
  private final Runnable onClose;
  private final Map<Integer, Integer> apiKeyByRequestId = new ConcurrentHashMap<>();
  private volatile boolean halfClosed;
  private final AtomicBoolean closed = new AtomicBoolean();

  public ProxyLink(Socket client, Socket server, FaultSettings faults, Runnable onClose) {
    this.client = client;
    this.server = server;
    this.faults = faults;
    this.onClose = onClose;
  }

  public void start(String name) {
    daemon(name + "-requests", this::pumpRequests).start();
    daemon(name + "-responses", this::pumpResponses).start();
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private void pumpRequests() {
    pump(client, server, true);
  }

  private void pumpResponses() {
    pump(server, client, false);
  }

  private void pump(Socket from, Socket to, boolean requests) {
    try {
      DataInputStream in = new DataInputStream(from.getInputStream());
      OutputStream out = to.getOutputStream();
      while (!closed.get()) {
        byte[] frame = readFrame(in);
        if (requests) {
          noteRequest(frame);
        }
        if (faults.blackHole() || (!requests && (halfClosed || dropResponse(frame)))) {
          continue;
        }
        delay(frame.length);
        synchronized (out) {
          out.write(frame);
          out.flush();
        }
      }
    } catch (EOFException e) {
      // the other side closed: close ours too
    } catch (IOException e) {
      if (!closed.get()) {
        LOG.debug("fault proxy link ended: {}", e.toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
    }
  }

  private static byte[] readFrame(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_FRAME) {
      throw new IOException("implausible frame length " + length);
    }
    byte[] frame = new byte[4 + length];
    ByteBuffer.wrap(frame).putInt(length);
    in.readFully(frame, 4, length);
    return frame;
  }

  // Request: length, api key (int16), api version (int16), request id (int32), body.
  private void noteRequest(byte[] frame) {
    if (frame.length >= 12) {
      ByteBuffer b = ByteBuffer.wrap(frame);
      apiKeyByRequestId.put(b.getInt(8), (int) b.getShort(4));
    }
  }

  // Response: length, type (int8: 0 success, 1 error, 2 server failure without id), request id.
  private boolean dropResponse(byte[] frame) {
    if (frame.length < 9 || frame[4] > 1) {
      return false;
    }
    Integer apiKey = apiKeyByRequestId.remove(ByteBuffer.wrap(frame).getInt(5));
    if (apiKey == null || !faults.shouldDrop(apiKey)) {
      return false;
    }
    LOG.info("fault proxy dropped a response to API key {}", apiKey);
    return true;
  }

  private void delay(int bytes) throws InterruptedException {
    long nanos = faults.latencyNanos();
    long limit = faults.bytesPerSecond();
    if (limit > 0) {
      nanos += bytes * TimeUnit.SECONDS.toNanos(1) / limit;
    }
    if (nanos > 0) {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  }

  /** Sends the client a FIN: it reads no more responses, while its requests still go through. */
  public void halfClose() {
    halfClosed = true;
    try {
      client.shutdownOutput();
    } catch (IOException e) {
      close();
    }
  }

  /** Resets the client's connection (RST, not FIN) and closes the server side. */
  public void reset() {
    try {
      client.setSoLinger(true, 0);
    } catch (IOException e) {
      // closing below is all that is left to do
    }
    close();
  }

  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(client);
    closeQuietly(server);
    onClose.run();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
