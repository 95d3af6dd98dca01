package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.AclBinding;
import io.flussjava.client.admin.AclBindingFilter;
import io.flussjava.client.admin.AclOperation;
import io.flussjava.client.admin.AclPermission;
import io.flussjava.client.admin.AclPrincipal;
import io.flussjava.client.admin.AclResource;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvSnapshot;
import io.flussjava.client.admin.KvSnapshotFile;
import io.flussjava.client.admin.KvSnapshotLease;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.admin.RebalanceGoal;
import io.flussjava.client.admin.RebalanceProgress;
import io.flussjava.client.admin.RebalanceStatus;
import io.flussjava.client.admin.ServerTag;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.config.Configuration;
import io.flussjava.exception.AuthorizationException;
import io.flussjava.exception.ServerTagAlreadyExistException;
import io.flussjava.exception.ServerTagNotExistException;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admin calls that need a cluster set up for them, on one cluster of their own: SASL users {@code
 * admin} (a super user) and {@code bob}, the authorizer on, and KV snapshots every second into the
 * test kit's remote storage directory.
 */
class SecuredAdminITCase {
  private static final String ADMIN_PASSWORD = "admin-pass";
  private static final String BOB_PASSWORD = "bob-pass";
  private static FlussCluster cluster;
  private static Connection admin;
  private static Connection bob;

  @BeforeAll
  static void startCluster() {
    cluster =
        FlussCluster.builder()
            .sasl(Map.of("admin", ADMIN_PASSWORD, "bob", BOB_PASSWORD))
            .authorizer("admin")
            .serverConfig("kv.snapshot.interval", "1s")
            .build();
    cluster.start();
    admin = Connection.create(conf("admin", ADMIN_PASSWORD));
    bob = Connection.create(conf("bob", BOB_PASSWORD));
  }

  @AfterAll
  static void stopCluster() {
    try {
      for (Connection c : new Connection[] {bob, admin}) {
        if (c != null) {
          c.close();
        }
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  private static Configuration conf(String user, String password) {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", cluster.bootstrapServers());
    conf.setString("client.request-timeout", "20s");
    conf.setString("client.security.protocol", "SASL");
    conf.setString("client.security.sasl.username", user);
    conf.setString("client.security.sasl.password", password);
    return conf;
  }

  @Test
  void aUserWithoutTheAclIsRefusedAndAllowedOnceItIsCreated() {
    admin.getAdmin().createDatabase("acl_db", DatabaseDescriptor.EMPTY, true);
    TablePath path = TablePath.of("acl_db", "bobs_table");
    TableDescriptor table =
        TableDescriptor.builder()
            .schema(Schema.newBuilder().column("id", DataTypes.INT()).build())
            .distributedBy(1)
            .build();
    Admin bobs = bob.getAdmin();
    assertThatThrownBy(() -> bobs.createTable(path, table, false))
        .isInstanceOf(AuthorizationException.class);

    AclBinding create =
        AclBinding.allow(
            AclResource.database("acl_db"), AclPrincipal.user("bob"), AclOperation.CREATE);
    admin.getAdmin().createAcls(List.of(create));
    assertThat(admin.getAdmin().listAcls(AclBindingFilter.forPrincipal(AclPrincipal.user("bob"))))
        .containsExactly(create);

    // Every server applies a new ACL when ZooKeeper tells it, a moment after the create returns.
    awaitNoException(() -> bobs.createTable(path, table, false));
    assertThat(admin.getAdmin().tableExists(path)).isTrue();

    List<AclBinding> dropped = admin.getAdmin().dropAcls(List.of(create.toFilter()));
    assertThat(dropped).containsExactly(create);
    assertThat(admin.getAdmin().listAcls(AclBindingFilter.forResource(create.resource())))
        .isEmpty();
    TablePath another = TablePath.of("acl_db", "bobs_second_table");
    AuthorizationException refused =
        await(
            () -> {
              try {
                bobs.createTable(another, table, true);
                return Optional.empty();
              } catch (AuthorizationException e) {
                return Optional.of(e);
              }
            },
            Duration.ofSeconds(30));
    assertThat(refused).hasMessageContaining("CREATE");
    assertThat(create.permission()).isEqualTo(AclPermission.ALLOW);
  }

  @Test
  void readsTheLatestKvSnapshotAndItsRemoteFiles() throws Exception {
    admin.getAdmin().createDatabase("snap_db", DatabaseDescriptor.EMPTY, true);
    TablePath path = TablePath.of("snap_db", "users");
    Schema schema = ClusterAdminITCase.keyValueSchema();
    admin
        .getAdmin()
        .createTable(path, TableDescriptor.builder().schema(schema).distributedBy(1).build(), true);
    try (UpsertWriter w = admin.getTable(path).newUpsert().createWriter()) {
      for (int i = 0; i < 100; i++) {
        w.upsert(i, "name-" + i);
      }
      w.flush();
    }

    KvSnapshot latest =
        await(() -> admin.getAdmin().getLatestKvSnapshots(path).latest(0), Duration.ofSeconds(60));
    assertThat(latest.logOffset()).isPositive();

    KvSnapshotMetadata metadata =
        admin.getAdmin().getKvSnapshotMetadataAsync(latest.bucket(), latest.snapshotId()).join();
    assertThat(metadata.logOffset()).isEqualTo(latest.logOffset());
    assertThat(metadata.files()).isNotEmpty();
    for (KvSnapshotFile f : metadata.files()) {
      assertThat(f.localFileName()).isNotBlank();
      // The test kit's remote storage is a local directory, so each file can be checked on disk.
      String remote = f.remotePath();
      Path file = remote.startsWith("file:") ? Path.of(URI.create(remote)) : Path.of(remote);
      assertThat(Files.exists(file)).as(f.remotePath()).isTrue();
    }

    // A lease keeps the snapshot while a reader restores it.
    KvSnapshotLease lease =
        admin.getAdmin().createKvSnapshotLease("reader-1", Duration.ofMinutes(5));
    assertThat(lease.acquireSnapshotsAsync(Map.of(latest.bucket(), latest.snapshotId())).join())
        .isEmpty();
    lease.renew();
    lease.releaseSnapshots(Set.of(latest.bucket()));
    lease.dropLease();
  }

  @Test
  void tagsATabletServerAndRefusesAConflictingTag() {
    Admin admins = admin.getAdmin();
    admins.addServerTag(List.of(0), ServerTag.TEMPORARY_OFFLINE);
    try {
      // The same tag again changes nothing; another one must wait until this one is removed.
      admins.addServerTag(List.of(0), ServerTag.TEMPORARY_OFFLINE);
      assertThatThrownBy(() -> admins.addServerTag(List.of(0), ServerTag.PERMANENT_OFFLINE))
          .isInstanceOf(ServerTagAlreadyExistException.class);
      assertThatThrownBy(() -> admins.removeServerTag(List.of(0), ServerTag.PERMANENT_OFFLINE))
          .isInstanceOf(ServerTagNotExistException.class);
    } finally {
      admins.removeServerTag(List.of(0), ServerTag.TEMPORARY_OFFLINE);
    }
  }

  @Test
  void rebalancesOneTabletServerWithAnEmptyPlan() {
    Admin admins = admin.getAdmin();
    String id = admins.rebalance(List.of(RebalanceGoal.REPLICA_DISTRIBUTION));
    RebalanceProgress progress = admins.listRebalanceProgressAsync(id).join().orElseThrow();
    assertThat(progress.rebalanceId()).isEqualTo(id);
    // One tablet server: nothing to move, so the plan is empty and done at once.
    assertThat(progress.buckets()).isEmpty();
    assertThat(progress.status()).isEqualTo(RebalanceStatus.COMPLETED);
    // Cancelling a finished rebalance is not an error in 0.9.1.
    admins.cancelRebalance(id);
  }

  private static void awaitNoException(Runnable action) {
    await(
        () -> {
          try {
            action.run();
            return Optional.of(Boolean.TRUE);
          } catch (AuthorizationException e) {
            return Optional.empty();
          }
        },
        Duration.ofSeconds(30));
  }

  /** Polls until the supplier has a value; fails after the timeout. */
  private static <T> T await(Supplier<Optional<T>> poll, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = poll.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
