package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.exception.NetworkException;
import io.flussjava.log.LogBatches;
import io.flussjava.rpc.ApiMethod;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.ServerNode;
import io.flussjava.rpc.ServerType;
import io.flussjava.rpc.protocol.FetchLogRequest;
import io.flussjava.rpc.protocol.FetchLogResponse;
import io.flussjava.rpc.protocol.PbFetchLogReqForBucket;
import io.flussjava.rpc.protocol.PbFetchLogRespForBucket;
import io.flussjava.rpc.protocol.PbFetchLogRespForTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Fakes for driving the fetcher without a cluster and at fake time: clock, leader router, tablet
 * servers.
 */
final class FetcherTestKit {
  static final TablePath PATH = TablePath.of("db", "t");
  static final long TABLE_ID = 7L;

  private FetcherTestKit() {}

  static TableBucket bucket(int bucket) {
    return TableBucket.of(TABLE_ID, bucket);
  }

  static TableBucket bucket(long partitionId, int bucket) {
    return TableBucket.of(TABLE_ID, partitionId, bucket);
  }

  /** A clock that moves only when told to. */
  static final class FakeClock implements Clock {
    long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
      return now;
    }

    void advanceMillis(long millis) {
      now += Duration.ofMillis(millis).toNanos();
    }
  }

  /** A router with a settable answer per bucket; counts invalidations and keeps the last wakeup. */
  static final class FakeRouter implements LeaderRouter {
    final Map<TableBucket, Route> routes = new HashMap<>();
    final Map<Integer, FakeServer> servers = new HashMap<>();
    int invalidations;
    Runnable lastWakeup;
    RuntimeException throwOnRoute;

    FakeServer server(int id) {
      return servers.computeIfAbsent(id, FakeServer::new);
    }

    void lead(TableBucket bucket, int serverId) {
      routes.put(bucket, Route.leader(serverId));
      server(serverId);
    }

    @Override
    public Route route(TablePath path, TableBucket bucket, long routedAtNanos, Runnable wakeup) {
      lastWakeup = wakeup;
      if (throwOnRoute != null) {
        throw throwOnRoute;
      }
      return routes.getOrDefault(bucket, Route.waiting());
    }

    @Override
    public ServerConnection tabletServer(int serverId) {
      FakeServer server = servers.get(serverId);
      if (server == null) {
        throw new NetworkException("no tablet server " + serverId + " in the metadata");
      }
      return server;
    }

    @Override
    public void invalidate(TablePath path) {
      invalidations++;
    }
  }

  /** One FetchLog a fake server received, with the future the test completes. */
  record Sent(FetchLogRequest request, CompletableFuture<FetchLogResponse> future) {
    /** The fetch offset asked for {@code bucket}, or -1 if the request does not ask for it. */
    long offsetOf(TableBucket bucket) {
      for (PbFetchLogReqForBucket b : request.getTablesReq(0).getBucketsReqList()) {
        long partition = b.hasPartitionId() ? b.getPartitionId() : TableBucket.NO_PARTITION;
        if (b.getBucketId() == bucket.bucket() && partition == bucket.partitionId()) {
          return b.getFetchOffset();
        }
      }
      return -1;
    }

    int bucketCount() {
      return request.getTablesReq(0).getBucketsReqCount();
    }
  }

  /**
   * A tablet server that records requests and answers only when the test completes their futures.
   */
  static final class FakeServer implements ServerConnection {
    final int id;
    final List<Sent> sent = new ArrayList<>();

    FakeServer(int id) {
      this.id = id;
    }

    Sent last() {
      return sent.get(sent.size() - 1);
    }

    @Override
    public <
            Req extends com.google.protobuf.MessageLite,
            Resp extends com.google.protobuf.MessageLite>
        CompletableFuture<Resp> send(ApiMethod<Req, Resp> method, Req request) {
      return send(method, request, Duration.ofSeconds(30));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <
            Req extends com.google.protobuf.MessageLite,
            Resp extends com.google.protobuf.MessageLite>
        CompletableFuture<Resp> send(ApiMethod<Req, Resp> method, Req request, Duration timeout) {
      CompletableFuture<FetchLogResponse> future = new CompletableFuture<>();
      sent.add(new Sent((FetchLogRequest) request, future));
      return (CompletableFuture<Resp>) future;
    }

    @Override
    public CompletableFuture<ServerType> ready() {
      return CompletableFuture.completedFuture(ServerType.TABLET_SERVER);
    }

    @Override
    public ServerNode server() {
      return new ServerNode(id, "localhost", 9000 + id, ServerType.TABLET_SERVER);
    }

    @Override
    public boolean isClosed() {
      return false;
    }

    @Override
    public void close() {}
  }

  /**
   * Header-only log batches (no record payload: the fetcher reads headers alone) holding offsets
   * {@code from} until {@code to}, in batches of {@code perBatch} records.
   */
  static byte[] batches(long from, long to, int perBatch) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (long base = from; base < to; base += perBatch) {
      out.writeBytes(LogBatches.headerOnlyBatch(base, (int) Math.min(perBatch, to - base)));
    }
    return out.toByteArray();
  }

  /** A response with records for some buckets and errors for others. */
  static final class Response {
    private final PbFetchLogRespForTable.Builder table =
        PbFetchLogRespForTable.newBuilder().setTableId(TABLE_ID);

    Response records(TableBucket bucket, byte[] records) {
      entry(bucket).setRecords(com.google.protobuf.ByteString.copyFrom(records));
      return this;
    }

    Response error(TableBucket bucket, int code, String message) {
      entry(bucket).setErrorCode(code).setErrorMessage(message);
      return this;
    }

    Response remote(TableBucket bucket, io.flussjava.rpc.protocol.PbRemoteLogFetchInfo info) {
      entry(bucket).setRemoteLogFetchInfo(info);
      return this;
    }

    Response empty(TableBucket bucket) {
      entry(bucket);
      return this;
    }

    private PbFetchLogRespForBucket.Builder entry(TableBucket bucket) {
      PbFetchLogRespForBucket.Builder b =
          table.addBucketsRespBuilder().setBucketId(bucket.bucket());
      if (bucket.isPartitioned()) {
        b.setPartitionId(bucket.partitionId());
      }
      return b;
    }

    FetchLogResponse build() {
      return FetchLogResponse.newBuilder().addTablesResp(table).build();
    }
  }
}
