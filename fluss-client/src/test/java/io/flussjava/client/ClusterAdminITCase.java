package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.AclBinding;
import io.flussjava.client.admin.AclBindingFilter;
import io.flussjava.client.admin.AclOperation;
import io.flussjava.client.admin.AclPrincipal;
import io.flussjava.client.admin.AclResource;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.AlterConfig;
import io.flussjava.client.admin.ConfigEntry;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.DatabaseSummary;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.client.admin.ProducerOffsets;
import io.flussjava.client.admin.RegisterResult;
import io.flussjava.client.admin.ServerInfo;
import io.flussjava.client.admin.ServerTag;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.admin.TableStats;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.exception.InvalidConfigException;
import io.flussjava.exception.KvSnapshotNotExistException;
import io.flussjava.exception.LakeSnapshotNotExistException;
import io.flussjava.exception.NonPrimaryKeyTableException;
import io.flussjava.exception.SecurityDisabledException;
import io.flussjava.exception.ServerNotExistException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.testkit.FlussClusterExtension;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin calls about the cluster, its configuration and snapshots against the shared cluster
 * (one tablet server, no authorizer, no lake, KV snapshots every 10 minutes): what it answers, and
 * the typed errors where it cannot.
 */
class ClusterAdminITCase extends ClientTestBase {
  private static final String RATE_LIMIT = "kv.rocksdb.shared-rate-limiter.bytes-per-sec";
  private static String db;
  private static TablePath pkTable;
  private static TablePath logTable;

  @BeforeAll
  static void createTables() {
    Admin admin = connection.getAdmin();
    db = uniqueName("cluster_admin");
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, false);
    pkTable = TablePath.of(db, "users");
    logTable = TablePath.of(db, "events");
    Schema pk = keyValueSchema();
    Schema log = Schema.newBuilder().column("id", DataTypes.INT()).build();
    admin.createTable(
        pkTable, TableDescriptor.builder().schema(pk).distributedBy(2).build(), false);
    admin.createTable(
        logTable, TableDescriptor.builder().schema(log).distributedBy(1).build(), false);
  }

  /** A primary-key table's schema: {@code id INT} (the key), {@code n STRING}. */
  static Schema keyValueSchema() {
    return Schema.newBuilder()
        .column("id", DataTypes.INT())
        .column("n", DataTypes.STRING())
        .primaryKey("id")
        .build();
  }

  @AfterAll
  static void dropDatabase() {
    if (connection != null) {
      connection.getAdmin().dropDatabase(db, true, true);
    }
  }

  @Test
  void listsTheCoordinatorAndTheTabletServer() {
    List<ServerInfo> servers = connection.getAdmin().getServerNodes();
    assertThat(servers)
        .extracting(ServerInfo::role)
        .containsExactlyInAnyOrder(ServerInfo.Role.COORDINATOR, ServerInfo.Role.TABLET_SERVER);
    String bootstrap = FlussClusterExtension.sharedCluster().bootstrapServers();
    // The bootstrap address may name the host differently (localhost / 127.0.0.1); the port is
    // unique.
    assertThat(servers).anySatisfy(s -> assertThat(bootstrap).contains(":" + s.port()));
    assertThat(servers).allSatisfy(s -> assertThat(s.port()).isPositive());
  }

  @Test
  void summarizesDatabasesWithTheirTableCounts() {
    // Other tests of this class add tables to the database; they run one after another.
    int tables = connection.getAdmin().listTables(db).size();
    List<DatabaseSummary> summaries = connection.getAdmin().listDatabaseSummariesAsync().join();
    assertThat(summaries)
        .filteredOn(s -> s.databaseName().equals(db))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.tableCount()).isEqualTo(tables).isGreaterThanOrEqualTo(2);
              assertThat(s.createdTime()).isPositive();
            });
  }

  @Test
  void setsDescribesAndDeletesADynamicServerConfig() {
    Admin admin = connection.getAdmin();
    try {
      admin.alterClusterConfigs(List.of(AlterConfig.set(RATE_LIMIT, "1gb")));
      assertThat(valueOf(admin.describeClusterConfigs(), RATE_LIMIT)).contains("1gb");
    } finally {
      admin.alterClusterConfigs(List.of(AlterConfig.delete(RATE_LIMIT)));
    }
    assertThat(valueOf(admin.describeClusterConfigs(), RATE_LIMIT))
        .isNotEqualTo(Optional.of("1gb"));
  }

  @Test
  void aServerConfigThatCannotChangeAtRunTimeIsRefused() {
    assertThatThrownBy(
            () ->
                connection
                    .getAdmin()
                    .alterClusterConfigs(List.of(AlterConfig.set("data.dir", "/elsewhere"))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("data.dir");
  }

  @Test
  void aFreshPrimaryKeyTableHasNoKvSnapshotYet() {
    KvSnapshots snapshots = connection.getAdmin().getLatestKvSnapshots(pkTable);
    assertThat(snapshots.buckets()).containsExactlyInAnyOrder(0, 1);
    assertThat(snapshots.latest(0)).isEmpty();
    assertThat(snapshots.partitionId()).isEmpty();

    TableBucket bucket = TableBucket.of(snapshots.tableId(), 0);
    assertThatThrownBy(() -> connection.getAdmin().getKvSnapshotMetadata(bucket, 1))
        .isInstanceOf(KvSnapshotNotExistException.class);
  }

  @Test
  void kvSnapshotsOfALogTableOrAMissingTableFailTyped() {
    assertThatThrownBy(() -> connection.getAdmin().getLatestKvSnapshots(logTable))
        .isInstanceOf(NonPrimaryKeyTableException.class);
    assertThatThrownBy(
            () -> connection.getAdmin().getLatestKvSnapshotsAsync(TablePath.of(db, "nope")).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(TableNotExistException.class);
  }

  @Test
  void aTableWithoutLakeHasNoLakeSnapshot() {
    Admin admin = connection.getAdmin();
    assertThatThrownBy(() -> admin.getLatestLakeSnapshot(pkTable))
        .isInstanceOf(LakeSnapshotNotExistException.class);
    assertThatThrownBy(() -> admin.getReadableLakeSnapshot(pkTable))
        .isInstanceOf(LakeSnapshotNotExistException.class);
    assertThatThrownBy(() -> admin.getLakeSnapshot(pkTable, 1))
        .isInstanceOf(LakeSnapshotNotExistException.class);
  }

  @Test
  void aclCallsFailTypedWithoutAnAuthorizer() {
    Admin admin = connection.getAdmin();
    assertThatThrownBy(() -> admin.listAcls(AclBindingFilter.ANY))
        .isInstanceOf(SecurityDisabledException.class);
    AclBinding read =
        AclBinding.allow(AclResource.table(pkTable), AclPrincipal.user("bob"), AclOperation.READ);
    assertThatThrownBy(() -> admin.createAcls(List.of(read)))
        .isInstanceOf(SecurityDisabledException.class);
    assertThatThrownBy(() -> admin.dropAcls(List.of(read.toFilter())))
        .isInstanceOf(SecurityDisabledException.class);
  }

  @Test
  void countsTheRowsOfEveryBucket() {
    Admin admin = connection.getAdmin();
    TablePath path = TablePath.of(db, "counted");
    Schema schema = keyValueSchema();
    admin.createTable(
        path, TableDescriptor.builder().schema(schema).distributedBy(3).build(), false);
    try (UpsertWriter w = connection.getTable(path).newUpsert().createWriter()) {
      for (int i = 0; i < 50; i++) {
        w.upsert(i, "v" + i);
      }
      w.upsert(0, "updated");
      w.flush();
    }
    TableStats stats = admin.getTableStats(path);
    assertThat(stats.rowCount()).isEqualTo(50);
    assertThat(stats.rowCounts()).hasSize(3);
    assertThat(stats.rowCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(50);

    assertThatThrownBy(() -> admin.getTableStats(TablePath.of(db, "nope")))
        .isInstanceOf(TableNotExistException.class);
  }

  @Test
  void registersReadsAndDeletesProducerOffsets() {
    Admin admin = connection.getAdmin();
    long tableId = admin.getTableInfo(pkTable).getTableId();
    Map<TableBucket, Long> offsets =
        Map.of(TableBucket.of(tableId, 0), 5L, TableBucket.of(tableId, 1), 7L);
    String producer = uniqueName("producer");

    assertThat(admin.registerProducerOffsets(producer, offsets)).isEqualTo(RegisterResult.CREATED);
    assertThat(admin.registerProducerOffsets(producer, Map.of(TableBucket.of(tableId, 0), 9L)))
        .isEqualTo(RegisterResult.ALREADY_EXISTS);
    ProducerOffsets registered = admin.getProducerOffsets(producer);
    assertThat(registered.offsets()).isEqualTo(offsets);
    assertThat(registered.expirationTime()).isGreaterThan(System.currentTimeMillis());

    admin.deleteProducerOffsets(producer);
    assertThat(admin.getProducerOffsets(producer).offsets()).isEmpty();
  }

  @Test
  void serverTagsOfAnUnknownServerFailTyped() {
    Admin admin = connection.getAdmin();
    assertThatThrownBy(() -> admin.addServerTag(List.of(99), ServerTag.TEMPORARY_OFFLINE))
        .isInstanceOf(ServerNotExistException.class);
    // Removing a tag from an unknown server is not an error in 0.9.1 (the coordinator only logs
    // it).
    admin.removeServerTag(List.of(99), ServerTag.TEMPORARY_OFFLINE);
  }

  private static Optional<String> valueOf(List<ConfigEntry> entries, String key) {
    return entries.stream()
        .filter(e -> e.key().equals(key))
        .findFirst()
        .flatMap(ConfigEntry::value);
  }
}
