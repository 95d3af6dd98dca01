package io.flussjava.rpc;

import com.google.protobuf.MessageLite;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One TCP connection to one Fluss server, shared by every caller that talks to that server.
 * Requests are pipelined: any number may be in flight, and each is answered independently.
 *
 * <p>Obtain connections from {@link RpcClient#connection(ServerNode)}; the client keeps one per
 * server address and replaces it once it has closed. A closed connection never reopens: sending on
 * it fails at once with a {@link io.flussjava.exception.NetworkException}.
 *
 * <p>Every returned future completes: with the response, with the server's error as the typed
 * exception from {@link io.flussjava.exception.Errors}, with a {@link
 * io.flussjava.exception.NetworkException} when the connection fails, or with a {@link
 * io.flussjava.exception.TimeoutException} when no answer arrives in time. Futures complete on the
 * connection's network thread: chain blocking work with the {@code *Async} variants, and never wait
 * for another request's future inside a callback.
 */
public interface ServerConnection {

  /**
   * Sends a request with the client's {@code client.request-timeout}.
   *
   * @return the response, or the failure as described on this interface
   */
  <Req extends MessageLite, Resp extends MessageLite> CompletableFuture<Resp> send(
      ApiMethod<Req, Resp> method, Req request);

  /**
   * Sends a request that may take up to {@code timeout} to answer (e.g. a long-polling FetchLog).
   * The timeout counts from this call, including any wait for the connection to be established.
   */
  <Req extends MessageLite, Resp extends MessageLite> CompletableFuture<Resp> send(
      ApiMethod<Req, Resp> method, Req request, Duration timeout);

  /**
   * Completes with the server's role once the connection is ready for requests (connected, versions
   * exchanged, authenticated), or exceptionally if that failed.
   */
  CompletableFuture<ServerType> ready();

  /** The server this connection talks to, as it was named when the connection was opened. */
  ServerNode server();

  /**
   * Whether the connection is closed (by the client, the server or a failure); a closed one stays
   * closed.
   */
  boolean isClosed();

  /** Closes the connection, failing requests still in flight. Idempotent. */
  void close();
}
