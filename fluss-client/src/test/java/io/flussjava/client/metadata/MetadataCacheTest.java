package io.flussjava.client.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.DescriptorJson;
import io.flussjava.client.internal.FakeClock;
import io.flussjava.client.internal.FakeScheduler;
import io.flussjava.client.internal.FakeServer;
import io.flussjava.client.internal.Retrier;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.exception.NetworkException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.ListPartitionInfosResponse;
import io.flussjava.rpc.protocol.MetadataRequest;
import io.flussjava.rpc.protocol.MetadataResponse;
import io.flussjava.rpc.protocol.PbBucketMetadata;
import io.flussjava.rpc.protocol.PbKeyValue;
import io.flussjava.rpc.protocol.PbPartitionInfo;
import io.flussjava.rpc.protocol.PbPartitionMetadata;
import io.flussjava.rpc.protocol.PbPartitionSpec;
import io.flussjava.rpc.protocol.PbServerNode;
import io.flussjava.rpc.protocol.PbTableMetadata;
import io.flussjava.rpc.protocol.PbTablePath;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The metadata cache over fake servers at fake time: what it fetches, when it fetches again, and
 * what it shares.
 */
class MetadataCacheTest {
  private static final TablePath PATH = TablePath.of("db", "t");
  private static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final FakeClock clock = new FakeClock();
  private final FakeScheduler scheduler = new FakeScheduler(clock);
  private final Map<String, FakeServer> servers = new HashMap<>();
  private final MetadataCache cache =
      new MetadataCache(
          node -> server(node.address()),
          List.of(
              InetSocketAddress.createUnresolved("b1", 9123),
              InetSocketAddress.createUnresolved("b2", 9124)),
          new Retrier(
              scheduler, new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1)), clock),
          Duration.ofSeconds(10),
          MAX_AGE,
          clock);

  @Test
  void bootstrapLearnsTheServersFromTheFirstServerThatAnswers() {
    CompletableFuture<ClusterNodes> nodes = cache.bootstrap();
    pendingOn("b1:9123")
        .answer()
        .completeExceptionally(new NetworkException("connection to b1:9123 refused"));
    pendingOn("b2:9124").answer().complete(nodesResponse().build());
    assertThat(nodes.getNow(null).coordinator().orElseThrow().address()).isEqualTo("coord:9000");
    assertThat(cache.nodes().tabletServer(1)).isPresent();
  }

  @Test
  void bootstrapFailsNamingEveryAddressWhenNoServerAnswers() {
    CompletableFuture<ClusterNodes> nodes = cache.bootstrap();
    pendingOn("b1:9123").answer().completeExceptionally(new NetworkException("b1 refused"));
    pendingOn("b2:9124").answer().completeExceptionally(new NetworkException("b2 refused"));
    assertThatThrownBy(() -> nodes.getNow(null))
        .cause()
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("[b1:9123, b2:9124]")
        .hasMessageContaining("b1 refused")
        .hasMessageContaining("b2 refused");
  }

  @Test
  void tableMetadataIsFetchedOnceAndReusedByConcurrentAndLaterCallers() {
    bootstrap();
    CompletableFuture<TableMetadata> first = cache.table(PATH);
    CompletableFuture<TableMetadata> concurrent = cache.table(PATH);
    answerTable(7, false);
    assertThat(coordinator().calls()).hasSize(1);
    assertThat(concurrent.getNow(null)).isSameAs(first.getNow(null));
    assertThat(first.getNow(null).leaderOf(0)).isEqualTo(1);
    assertThat(first.getNow(null).leaderOf(1)).isEqualTo(TableMetadata.NO_LEADER);

    assertThat(cache.table(PATH).getNow(null)).isSameAs(first.getNow(null));
    assertThat(coordinator().calls()).hasSize(1);
  }

  @Test
  void invalidateMakesTheNextCallFetchAgain() {
    bootstrap();
    TableMetadata before = fetchTable(7);
    cache.invalidate(PATH);
    CompletableFuture<TableMetadata> again = cache.table(PATH);
    assertThat(again).isNotDone();
    answerTable(8, false);
    assertThat(again.getNow(null)).isNotSameAs(before);
    assertThat(again.getNow(null).info().getTableId()).isEqualTo(8);
  }

  @Test
  void invalidateKeepsAFetchInFlightSoThatRetryingCallersCannotRestartItForEver() {
    bootstrap();
    CompletableFuture<TableMetadata> first = cache.table(PATH);
    // Buckets retrying on their own timers each invalidate while the coordinator is slow to answer:
    // the fetch under way is the fresh view they all wait for.
    for (int i = 0; i < 5; i++) {
      cache.invalidate(PATH);
      assertThat(cache.table(PATH)).isSameAs(first);
    }
    answerTable(7, false);
    assertThat(coordinator().calls()).hasSize(1);
    assertThat(first.getNow(null).info().getTableId()).isEqualTo(7);
  }

  @Test
  void metadataOlderThanMaxAgeIsFetchedAgain() {
    bootstrap();
    TableMetadata before = fetchTable(7);
    clock.advance(MAX_AGE.minusSeconds(1));
    assertThat(cache.table(PATH).getNow(null)).isSameAs(before);
    clock.advance(Duration.ofSeconds(2));
    CompletableFuture<TableMetadata> again = cache.table(PATH);
    assertThat(again).isNotDone();
    answerTable(7, false);
    assertThat(again.getNow(null)).isNotSameAs(before);
  }

  @Test
  void refreshOfTheSameStaleViewIsOneFetchSharedByAllCallers() {
    bootstrap();
    TableMetadata seen = fetchTable(7);
    CompletableFuture<TableMetadata> a = cache.refresh(PATH, seen);
    CompletableFuture<TableMetadata> b = cache.refresh(PATH, seen);
    assertThat(coordinator().pending()).hasSize(1);
    answerTable(7, false);
    assertThat(a.getNow(null)).isNotSameAs(seen).isSameAs(b.getNow(null));

    // Whoever still holds the old view gets the fresh one, without another fetch.
    assertThat(cache.refresh(PATH, seen).getNow(null)).isSameAs(a.getNow(null));
    assertThat(coordinator().calls()).hasSize(2);
  }

  @Test
  void aPartitionCreatedAfterTheCachedViewIsFoundWithOneRefetch() {
    bootstrap();
    CompletableFuture<TableMetadata> first = cache.table(PATH);
    answerPartitionedTable(Map.of("a", 10L));
    assertThat(first.getNow(null).partition("a").orElseThrow().id()).isEqualTo(10);

    clock.advance(Duration.ofSeconds(1));
    long askedAt = clock.nanoTime();
    CompletableFuture<Optional<PartitionMetadata>> b = cache.partition(PATH, "b", askedAt);
    assertThat(b).isNotDone();
    answerPartitionedTable(Map.of("a", 10L, "b", 11L));
    assertThat(b.getNow(null).orElseThrow().id()).isEqualTo(11);
    assertThat(coordinator().calls()).hasSize(6); // two views of three requests each

    // A partition missing from a view fetched after the question does not exist: no further fetch.
    assertThat(cache.partition(PATH, "c", askedAt).getNow(null)).isEmpty();
    assertThat(coordinator().calls()).hasSize(6);
  }

  @Test
  void aFailedFetchIsNotCached() {
    bootstrap();
    CompletableFuture<TableMetadata> missing = cache.table(PATH);
    // The coordinator does not know the table: a final error, not retried.
    onlyPending(coordinator()).answer().complete(nodesResponse().build());
    assertThatThrownBy(() -> missing.getNow(null))
        .cause()
        .isInstanceOf(TableNotExistException.class);

    CompletableFuture<TableMetadata> created = cache.table(PATH);
    assertThat(created).isNotDone();
    answerTable(7, false);
    assertThat(created.getNow(null).info().getTableId()).isEqualTo(7);
  }

  @Test
  void aRetriableFetchErrorRefreshesTheServersAndRetriesAfterTheBackoff() {
    bootstrap();
    CompletableFuture<TableMetadata> table = cache.table(PATH);
    onlyPending(coordinator())
        .answer()
        .completeExceptionally(new NetworkException("coordinator restarting"));
    // Stale servers: the cache asks the coordinator for them again before retrying.
    MetadataRequest nodesRequest = onlyPending(coordinator()).request(MetadataRequest.class);
    assertThat(nodesRequest.getTablePathCount()).isZero();
    onlyPending(coordinator()).answer().complete(nodesResponse().build());
    assertThat(coordinator().pending()).isEmpty();

    scheduler.advance(Duration.ofMillis(120));
    answerTable(7, false);
    assertThat(table.getNow(null).info().getTableId()).isEqualTo(7);
  }

  // --- the fake cluster
  // ---------------------------------------------------------------------------------------------

  private FakeServer server(String address) {
    return servers.computeIfAbsent(address, a -> new FakeServer(servers.size()));
  }

  private FakeServer coordinator() {
    return server("coord:9000");
  }

  private FakeServer.Call pendingOn(String address) {
    return onlyPending(server(address));
  }

  private static FakeServer.Call onlyPending(FakeServer server) {
    assertThat(server.pending()).hasSize(1);
    return server.pending().get(0);
  }

  private void bootstrap() {
    CompletableFuture<ClusterNodes> nodes = cache.bootstrap();
    pendingOn("b1:9123").answer().complete(nodesResponse().build());
    assertThat(nodes).isCompleted();
  }

  private TableMetadata fetchTable(long tableId) {
    CompletableFuture<TableMetadata> f = cache.table(PATH);
    answerTable(tableId, false);
    return f.getNow(null);
  }

  private static MetadataResponse.Builder nodesResponse() {
    return MetadataResponse.newBuilder()
        .setCoordinatorServer(PbServerNode.newBuilder().setNodeId(0).setHost("coord").setPort(9000))
        .addTabletServers(PbServerNode.newBuilder().setNodeId(1).setHost("ts1").setPort(9001));
  }

  /**
   * Answers the pending GetMetadata for the table: bucket 0 led by server 1, bucket 1 without a
   * leader.
   */
  private void answerTable(long tableId, boolean partitioned) {
    FakeServer.Call call = onlyPending(coordinator());
    assertThat(call.method()).isEqualTo(ApiMethods.GET_METADATA);
    assertThat(call.request(MetadataRequest.class).getTablePath(0).getTableName()).isEqualTo("t");
    call.answer().complete(nodesResponse().addTableMetadata(table(tableId, partitioned)).build());
  }

  /**
   * Answers the three requests of a partitioned table's fetch: the table, its partitions, their
   * leaders.
   */
  private void answerPartitionedTable(Map<String, Long> partitions) {
    answerTable(7, true);
    ListPartitionInfosResponse.Builder list = ListPartitionInfosResponse.newBuilder();
    MetadataResponse.Builder leaders = nodesResponse();
    partitions.forEach(
        (name, id) -> {
          list.addPartitionsInfo(
              PbPartitionInfo.newBuilder()
                  .setPartitionId(id)
                  .setPartitionSpec(
                      PbPartitionSpec.newBuilder()
                          .addPartitionKeyValues(
                              PbKeyValue.newBuilder().setKey("dt").setValue(name))));
          leaders.addPartitionMetadata(
              PbPartitionMetadata.newBuilder()
                  .setTableId(7)
                  .setPartitionId(id)
                  .setPartitionName(name)
                  .addBucketMetadata(PbBucketMetadata.newBuilder().setBucketId(0).setLeaderId(1)));
        });
    FakeServer.Call listCall = onlyPending(coordinator());
    assertThat(listCall.method()).isEqualTo(ApiMethods.LIST_PARTITION_INFOS);
    listCall.answer().complete(list.build());
    FakeServer.Call leadersCall = onlyPending(coordinator());
    assertThat(leadersCall.request(MetadataRequest.class).getPartitionsIdList())
        .containsExactlyInAnyOrderElementsOf(partitions.values());
    leadersCall.answer().complete(leaders.build());
  }

  private static PbTableMetadata table(long tableId, boolean partitioned) {
    TableDescriptor.Builder d =
        TableDescriptor.builder()
            .schema(
                Schema.newBuilder()
                    .column("id", DataTypes.BIGINT())
                    .column("dt", DataTypes.STRING())
                    .build())
            .distributedBy(2);
    if (partitioned) {
      d.partitionedBy("dt");
    }
    PbTableMetadata.Builder t =
        PbTableMetadata.newBuilder()
            .setTablePath(PbTablePath.newBuilder().setDatabaseName("db").setTableName("t"))
            .setTableId(tableId)
            .setSchemaId(1)
            .setTableJson(ByteString.copyFrom(DescriptorJson.tableToJson(d.build())))
            .setCreatedTime(0)
            .setModifiedTime(0);
    if (!partitioned) {
      t.addBucketMetadata(PbBucketMetadata.newBuilder().setBucketId(0).setLeaderId(1));
    }
    return t.build();
  }
}
