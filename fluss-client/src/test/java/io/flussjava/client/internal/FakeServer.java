package io.flussjava.client.internal;

import com.google.protobuf.MessageLite;
import io.flussjava.rpc.ApiMethod;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.ServerNode;
import io.flussjava.rpc.ServerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A tablet server for unit tests: it keeps every request with its pending answer, and the test
 * answers (or loses) each one when it wants to.
 */
public final class FakeServer implements ServerConnection {
  /** One request and the future its sender waits on. */
  public record Call(
      ApiMethod<?, ?> method, MessageLite request, CompletableFuture<MessageLite> answer) {
    @SuppressWarnings("unchecked")
    public <T extends MessageLite> T request(Class<T> type) {
      return (T) type.cast(request);
    }
  }

  private final int id;
  private final List<Call> calls = new ArrayList<>();

  public FakeServer(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  @Override
  public <Req extends MessageLite, Resp extends MessageLite> CompletableFuture<Resp> send(
      ApiMethod<Req, Resp> method, Req request) {
    return send(method, request, Duration.ofSeconds(30));
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <Req extends MessageLite, Resp extends MessageLite>
      CompletableFuture<Resp> send(ApiMethod<Req, Resp> method, Req request, Duration timeout) {
    CompletableFuture<MessageLite> answer = new CompletableFuture<>();
    calls.add(new Call(method, request, answer));
    return (CompletableFuture<Resp>) (CompletableFuture<?>) answer;
  }

  /** The requests received so far, oldest first. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The requests not answered yet. */
  public synchronized List<Call> pending() {
    return calls.stream().filter(c -> !c.answer().isDone()).toList();
  }

  @Override
  public CompletableFuture<ServerType> ready() {
    return CompletableFuture.completedFuture(ServerType.TABLET_SERVER);
  }

  @Override
  public ServerNode server() {
    throw new UnsupportedOperationException("not needed by the fakes' users");
  }

  @Override
  public boolean isClosed() {
    return false;
  }

  @Override
  public void close() {}
}
