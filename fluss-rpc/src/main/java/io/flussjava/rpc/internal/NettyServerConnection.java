package io.flussjava.rpc.internal;

import com.google.protobuf.MessageLite;
import io.flussjava.exception.ApiException;
import io.flussjava.exception.AuthenticationException;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.FlussException;
import io.flussjava.exception.NetworkException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.rpc.ApiKey;
import io.flussjava.rpc.ApiMethod;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.ServerNode;
import io.flussjava.rpc.ServerType;
import io.flussjava.rpc.protocol.ApiVersionsRequest;
import io.flussjava.rpc.protocol.ApiVersionsResponse;
import io.flussjava.rpc.protocol.AuthenticateRequest;
import io.flussjava.rpc.protocol.PbApiVersion;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ServerConnection} over one Netty channel, with the connection state machine CONNECTING →
 * API_VERSIONS → (AUTHENTICATING) → READY → CLOSED.
 *
 * <p>Threading: callers on any thread hand requests over through a lock-free queue; everything else
 * (state changes, the in-flight map, request ids, encoding and writing, timeouts, completing
 * futures) happens on the one event loop this connection is bound to, so none of it needs a lock.
 * Requests that arrive before READY wait in {@link #awaitingReady} and are written, in order, once
 * the handshake succeeds.
 */
public final class NettyServerConnection implements ServerConnection, ResponseHandler.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(NettyServerConnection.class);

  /** Opens the TCP channel: a Netty Bootstrap in production, an in-memory channel in tests. */
  @FunctionalInterface
  public interface Connector {
    /**
     * Starts connecting to {@code server} on {@code loop}; {@code handler} sets up the channel's
     * pipeline.
     */
    ChannelFuture connect(EventLoop loop, ServerNode server, ChannelHandler handler);
  }

  /** Connection life cycle; only the event loop moves it forward. */
  enum State {
    CONNECTING,
    API_VERSIONS,
    AUTHENTICATING,
    READY,
    CLOSED
  }

  private final ServerNode server;
  private final String label;
  private final ConnectionSettings settings;
  private final EventLoop eventLoop;
  private final long defaultTimeoutNanos;

  // Hand-over from caller threads to the event loop: many producers, the loop is the only consumer.
  private final Queue<PendingRequest<?>> submitted = PlatformDependent.newMpscQueue();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Runnable drainTask = this::drainSubmitted;

  private final CompletableFuture<ServerType> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  // Written only on the event loop; volatile so that callers can fail fast on a closed connection.
  private volatile State state = State.CONNECTING;
  private volatile RuntimeException closeCause;

  // Event-loop-only state.
  private Channel channel;
  private final ArrayDeque<PendingRequest<?>> awaitingReady = new ArrayDeque<>();
  private final IntObjectHashMap<PendingRequest<?>> inFlight = new IntObjectHashMap<>();
  private int nextRequestId;

  /**
   * Version to put in each request header, by {@link ApiKey#index()}; 0 until ApiVersions answered.
   */
  private final short[] versions = new short[ApiKey.count()];

  private ServerType serverType = ServerType.UNKNOWN;

  public NettyServerConnection(
      ServerNode server, ConnectionSettings settings, EventLoop eventLoop) {
    this.server = Objects.requireNonNull(server, "server");
    this.label = server.toString();
    this.settings = Objects.requireNonNull(settings, "settings");
    this.eventLoop = Objects.requireNonNull(eventLoop, "eventLoop");
    this.defaultTimeoutNanos = settings.requestTimeout().toNanos();
  }

  /** Starts connecting; requests may be sent right away and wait until the connection is ready. */
  public void start(Connector connector) {
    runOnLoop(() -> connect(connector));
  }

  /** Completes (normally) once this connection has closed, whatever the reason. */
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  // ------------------------------------------------------------------ ServerConnection API (any
  // thread)

  @Override
  public <Req extends MessageLite, Resp extends MessageLite> CompletableFuture<Resp> send(
      ApiMethod<Req, Resp> method, Req request) {
    return submit(method, request, defaultTimeoutNanos);
  }

  @Override
  public <Req extends MessageLite, Resp extends MessageLite> CompletableFuture<Resp> send(
      ApiMethod<Req, Resp> method, Req request, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return submit(method, request, timeout.toNanos());
  }

  private <Resp extends MessageLite> CompletableFuture<Resp> submit(
      ApiMethod<?, Resp> method, MessageLite request, long timeoutNanos) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    PendingRequest<Resp> pending =
        new PendingRequest<>(this, method, request, timeoutNanos, System.nanoTime());
    if (state == State.CLOSED) {
      pending.fail(closedException());
      return pending.future;
    }
    submitted.offer(pending);
    // The loop sets CLOSED before its final drain of `submitted`: if this offer came after that
    // drain, this read
    // sees CLOSED, so no request is ever stranded in the queue.
    if (state == State.CLOSED) {
      pending.fail(closedException());
    }
    scheduleDrain(pending);
    return pending.future;
  }

  private void scheduleDrain(PendingRequest<?> pending) {
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        eventLoop.execute(drainTask);
      } catch (RejectedExecutionException e) {
        // The event loop is gone (client shut down): nothing will ever drain the queue again.
        markClosedWithoutLoop(
            new NetworkException("Connection to " + label + " is closed: its I/O thread stopped"));
        pending.fail(closedException());
      }
    }
  }

  @Override
  public CompletableFuture<ServerType> ready() {
    return ready.copy();
  }

  @Override
  public ServerNode server() {
    return server;
  }

  @Override
  public boolean isClosed() {
    return state == State.CLOSED;
  }

  @Override
  public void close() {
    closeWith(new NetworkException("Connection to " + label + " was closed by the client"));
  }

  /**
   * Closes the connection and fails every outstanding request with {@code cause}. Any thread;
   * idempotent.
   */
  public void closeWith(RuntimeException cause) {
    if (state == State.CLOSED) {
      return;
    }
    try {
      runOnLoop(() -> failConnection(cause));
    } catch (RejectedExecutionException e) {
      markClosedWithoutLoop(cause);
    }
  }

  @Override
  public String toString() {
    return "connection to " + label + " (" + state + ")";
  }

  // ------------------------------------------------------------------ connecting and handshake
  // (event loop)

  private void connect(Connector connector) {
    if (state == State.CLOSED) {
      return;
    }
    LOG.debug("Connecting to {}", label);
    ChannelFuture future;
    try {
      future = connector.connect(eventLoop, server, pipelineInitializer());
    } catch (RuntimeException e) {
      failConnection(connectFailure(e));
      return;
    }
    future.addListener((ChannelFutureListener) this::onConnectDone);
  }

  private ChannelHandler pipelineInitializer() {
    return new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        int lengthBytes = WireFormat.LENGTH_FIELD_BYTES;
        ch.pipeline()
            .addLast(
                "frames",
                new LengthFieldBasedFrameDecoder(
                    settings.maxFrameBytes(), 0, lengthBytes, 0, lengthBytes))
            .addLast("responses", new ResponseHandler(NettyServerConnection.this));
      }
    };
  }

  private void onConnectDone(ChannelFuture future) {
    if (!future.isSuccess()) {
      failConnection(connectFailure(future.cause()));
      return;
    }
    Channel ch = future.channel();
    if (state == State.CLOSED) {
      ch.close();
      return;
    }
    channel = ch;
    LOG.debug("Connected to {} (local address {})", label, ch.localAddress());
    state = State.API_VERSIONS;
    ApiVersionsRequest request =
        ApiVersionsRequest.newBuilder()
            .setClientSoftwareName(ConnectionSettings.CLIENT_SOFTWARE_NAME)
            .setClientSoftwareVersion(ConnectionSettings.CLIENT_SOFTWARE_VERSION)
            .build();
    sendHandshakeRequest(ApiMethods.API_VERSIONS, request).whenComplete(this::onApiVersions);
  }

  private <Resp extends MessageLite> CompletableFuture<Resp> sendHandshakeRequest(
      ApiMethod<?, Resp> method, MessageLite request) {
    PendingRequest<Resp> pending =
        new PendingRequest<>(this, method, request, defaultTimeoutNanos, System.nanoTime());
    if (write(pending)) {
      channel.flush();
    }
    return pending.future;
  }

  private void onApiVersions(ApiVersionsResponse response, Throwable error) {
    if (state != State.API_VERSIONS) {
      return; // closed meanwhile; the close already failed everything
    }
    if (error != null) {
      failConnection(asRuntime(error));
      return;
    }
    for (PbApiVersion version : response.getApiVersionsList()) {
      ApiKey key = ApiKey.forId(version.getApiKey());
      if (key != null) {
        versions[key.index()] =
            (short) Math.max(0, Math.min(key.clientMaxVersion(), version.getMaxVersion()));
      }
    }
    serverType = ServerType.fromWireCode(response.getServerType());
    if (server.serverType() != ServerType.UNKNOWN
        && serverType != ServerType.UNKNOWN
        && serverType != server.serverType()) {
      failConnection(
          new NetworkException(
              label
                  + " answered as a "
                  + serverType.label()
                  + ": the cluster metadata naming it is stale"));
      return;
    }
    SaslPlainCredentials credentials = settings.saslCredentials().orElse(null);
    if (credentials == null) {
      becomeReady();
      return;
    }
    state = State.AUTHENTICATING;
    AuthenticateRequest request =
        AuthenticateRequest.newBuilder()
            .setProtocol(SaslPlainCredentials.MECHANISM)
            .setToken(com.google.protobuf.UnsafeByteOperations.unsafeWrap(credentials.token()))
            .build();
    sendHandshakeRequest(ApiMethods.AUTHENTICATE, request)
        .whenComplete((response2, error2) -> onAuthenticated(credentials, error2));
  }

  private void onAuthenticated(SaslPlainCredentials credentials, Throwable error) {
    if (state != State.AUTHENTICATING) {
      return;
    }
    if (error != null) {
      RuntimeException cause = asRuntime(error);
      if (cause instanceof ApiException) {
        // PLAIN finishes in one round trip, so any server error here means the credentials were
        // refused.
        cause =
            new AuthenticationException(
                "SASL/"
                    + SaslPlainCredentials.MECHANISM
                    + " authentication as user '"
                    + credentials.username()
                    + "' to "
                    + label
                    + " failed: "
                    + serverText((ApiException) cause));
      }
      failConnection(cause);
      return;
    }
    // The PLAIN mechanism is complete after its one token; the server's (empty) challenge needs no
    // answer.
    becomeReady();
  }

  private void becomeReady() {
    state = State.READY;
    LOG.debug("Connection to {} is ready", label);
    boolean wrote = false;
    PendingRequest<?> pending;
    while ((pending = awaitingReady.poll()) != null) {
      if (!pending.future.isDone()) {
        wrote |= write(pending);
      }
    }
    if (wrote) {
      channel.flush();
    }
    ready.complete(serverType);
  }

  // ------------------------------------------------------------------ requests (event loop)

  private void drainSubmitted() {
    // Cleared first: a request offered after this point either is seen by the loop below or
    // schedules a new drain.
    drainScheduled.set(false);
    boolean wrote = false;
    PendingRequest<?> pending;
    while ((pending = submitted.poll()) != null) {
      if (pending.future.isDone()) {
        continue; // cancelled by its caller, or failed by a racing close
      }
      State current = state;
      if (current == State.READY) {
        wrote |= write(pending);
      } else if (current == State.CLOSED) {
        pending.fail(closedException());
      } else {
        pending.armTimeout(eventLoop);
        awaitingReady.add(pending);
      }
    }
    if (wrote) {
      channel.flush();
    }
  }

  /** Encodes and writes (without flushing) one request; false if it could not be encoded. */
  private boolean write(PendingRequest<?> pending) {
    pending.armTimeout(eventLoop);
    ApiKey key = pending.method.apiKey();
    int requestId = nextRequestId++;
    ByteBuf frame;
    try {
      frame =
          WireFormat.encodeRequest(
              channel.alloc(), key.id(), versions[key.index()], requestId, pending.request);
    } catch (RuntimeException e) {
      pending.failAndCancelTimeout(
          new FlussException(
              "Cannot encode the " + pending.method.displayName() + " request: " + e.getMessage(),
              e));
      return false;
    }
    pending.requestId = requestId;
    pending.request = null;
    inFlight.put(requestId, pending);
    // A failed write surfaces through exceptionCaught and closes the connection, which fails this
    // request too.
    channel.write(frame, channel.voidPromise());
    return true;
  }

  /** Called by a request's own timer when its deadline passes. */
  void onRequestTimeout(PendingRequest<?> pending) {
    if (pending.requestId >= 0) {
      inFlight.remove(pending.requestId);
    } else {
      awaitingReady.remove(pending);
    }
    if (!pending.future.isDone()) {
      pending.fail(new TimeoutException(timeoutMessage(pending)));
    }
  }

  private String timeoutMessage(PendingRequest<?> pending) {
    String where;
    switch (state) {
      case CONNECTING:
        where = " (still connecting)";
        break;
      case API_VERSIONS:
      case AUTHENTICATING:
        where = " (connection handshake not finished)";
        break;
      default:
        where = "";
    }
    return pending.method.displayName()
        + " request to "
        + label
        + " timed out after "
        + Duration.ofNanos(pending.timeoutNanos).toMillis()
        + " ms"
        + where;
  }

  // ------------------------------------------------------------------ responses (event loop)

  @Override
  public void onSuccess(int requestId, ByteBuffer body) {
    PendingRequest<?> pending = inFlight.remove(requestId);
    if (pending != null) {
      pending.completeWith(body);
    }
    // else: the request already timed out; its late answer is dropped.
  }

  @Override
  public void onError(int requestId, RuntimeException error) {
    PendingRequest<?> pending = inFlight.remove(requestId);
    if (pending != null) {
      pending.failAndCancelTimeout(error);
    }
  }

  @Override
  public void onConnectionFailure(RuntimeException error, boolean reportedByServer) {
    if (reportedByServer) {
      LOG.warn(
          "{} reported a server failure and closes the connection: {}", label, error.getMessage());
    } else {
      LOG.warn("Closing the connection to {}: {}", label, error.getMessage());
    }
    failConnection(error);
  }

  @Override
  public void onChannelInactive() {
    if (state != State.CLOSED) {
      int outstanding = inFlight.size() + awaitingReady.size();
      failConnection(
          new NetworkException(
              "Connection to "
                  + label
                  + " closed"
                  + (outstanding > 0
                      ? " with " + outstanding + " requests in flight"
                      : " by the server")));
    }
  }

  @Override
  public void onException(Throwable cause) {
    if (state == State.CLOSED) {
      return;
    }
    if (cause instanceof IOException) {
      LOG.debug("I/O error on the connection to {}", label, cause);
    } else {
      LOG.warn("Unexpected error on the connection to {}", label, cause);
    }
    failConnection(
        NetworkExceptions.withUnderlying("Connection to " + label + " failed: " + cause, cause));
  }

  // ------------------------------------------------------------------ closing (event loop)

  /**
   * Moves to CLOSED, fails every outstanding request with {@code cause} and closes the channel.
   * Idempotent.
   */
  private void failConnection(RuntimeException cause) {
    if (state == State.CLOSED) {
      return;
    }
    closeCause = cause;
    state = State.CLOSED;
    LOG.debug("Connection to {} closed: {}", label, cause.getMessage());
    List<PendingRequest<?>> outstanding = new ArrayList<>(inFlight.values());
    inFlight.clear();
    outstanding.addAll(awaitingReady);
    awaitingReady.clear();
    PendingRequest<?> queued;
    while ((queued = submitted.poll()) != null) {
      outstanding.add(queued);
    }
    if (channel != null) {
      channel.close();
    }
    // Futures last: their callbacks may send again, and must then find this connection already
    // closed.
    for (PendingRequest<?> pending : outstanding) {
      pending.failAndCancelTimeout(cause);
    }
    ready.completeExceptionally(cause);
    closed.complete(null);
  }

  /**
   * Last resort when the event loop no longer runs tasks: only the thread-safe parts can be
   * finished.
   */
  private void markClosedWithoutLoop(RuntimeException cause) {
    if (closeCause == null) {
      closeCause = cause;
    }
    state = State.CLOSED;
    ready.completeExceptionally(cause);
    closed.complete(null);
  }

  private RuntimeException closedException() {
    RuntimeException cause = closeCause;
    if (cause instanceof ClosedException) {
      // The client itself was closed: final, unlike a lost connection, which a retry may replace.
      return new ClosedException(cause.getMessage());
    }
    return NetworkExceptions.withUnderlying(
        "Connection to " + label + " is closed" + (cause == null ? "" : ": " + cause.getMessage()),
        cause);
  }

  private NetworkException connectFailure(Throwable cause) {
    String reason;
    if (cause instanceof ConnectTimeoutException) {
      reason = "connect timed out after " + settings.effectiveConnectTimeoutMillis() + " ms";
    } else if (cause instanceof UnknownHostException) {
      reason = "unknown host";
    } else if (cause instanceof ConnectException
        && cause.getMessage() != null
        && cause.getMessage().startsWith("Connection refused")) {
      reason = "Connection refused";
    } else {
      reason =
          String.valueOf(
              cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
    }
    return NetworkExceptions.withUnderlying(
        "Cannot connect to "
            + server.address()
            + " ("
            + reason
            + "): check bootstrap.servers and that the server is running",
        cause);
  }

  // ------------------------------------------------------------------ helpers

  private void runOnLoop(Runnable task) {
    if (eventLoop.inEventLoop()) {
      task.run();
    } else {
      eventLoop.execute(task);
    }
  }

  private static RuntimeException asRuntime(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof RuntimeException
        ? (RuntimeException) cause
        : new FlussException(cause.toString(), cause);
  }

  /** The server's own text of an error, without the "[NAME(code)] " prefix ApiException adds. */
  private static String serverText(ApiException error) {
    String message = error.getMessage();
    String prefix = "[" + error.errorName() + "(" + error.errorCode() + ")] ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
