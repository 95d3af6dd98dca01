package io.flussjava.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvSnapshot;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.config.Configuration;
import io.flussjava.kvsnapshot.KvSnapshotReadOptions;
import io.flussjava.kvsnapshot.KvSnapshotReader;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a 0.9.1 cluster with the server's own S3 plugin keeps its remote data in S3Proxy
 * ({@code remote.data.dir=s3://...}): log segments it tiered and deleted locally, and KV snapshots.
 * fluss-java's scanner and snapshot reader read them through {@link S3FileSystem}, found by
 * ServiceLoader and configured by system properties as a user would.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class S3RemoteStorageITCase {
  private static final String BUCKET = "fluss-tiered";
  private static final TablePath PATH = TablePath.of("s3_remote", "events");
  private static final TablePath PK_PATH = TablePath.of("s3_remote", "state");
  private static final int ROWS = 10_000;
  private static final String[] SETTINGS = {
    "endpoint", "path-style-access", "region", "access-key", "secret-key"
  };

  private static S3ProxyServer s3;
  private static FlussCluster cluster;
  private static Connection connection;

  @BeforeAll
  static void startClusterTieringToS3() throws Exception {
    String pluginJar = System.getProperty("fluss.fs.s3.server.jar");
    assertThat(pluginJar)
        .as("system property fluss.fs.s3.server.jar (set by the pom)")
        .isNotBlank();
    s3 = S3ProxyServer.start();
    s3.blobStore().createContainerInLocation(null, BUCKET);
    cluster =
        FlussCluster.builder()
            .tabletServers(1)
            .fastLogTiering("128kb")
            .serverJars(List.of(Path.of(pluginJar)))
            .serverConfig(FlussCluster.REMOTE_DATA_DIR_KEY, "s3://" + BUCKET + "/remote")
            // The server plugin's keys (s3.* becomes Hadoop S3A's fs.s3a.*).
            .serverConfig("s3.endpoint", s3.endpoint().toString())
            .serverConfig("s3.path-style-access", "true")
            .serverConfig("s3.region", "us-east-1")
            .serverConfig("s3.access-key", S3ProxyServer.ACCESS_KEY)
            .serverConfig("s3.secret-key", S3ProxyServer.SECRET_KEY)
            .build();
    cluster.start();
    String[] values = {
      s3.endpoint().toString(),
      "true",
      "us-east-1",
      S3ProxyServer.ACCESS_KEY,
      S3ProxyServer.SECRET_KEY
    };
    // Read once, at the installed S3FileSystem's first read (RemoteFileSystems.installed()).
    for (int i = 0; i < SETTINGS.length; i++) {
      System.setProperty(S3Config.PROPERTY_PREFIX + SETTINGS[i], values[i]);
    }
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", cluster.bootstrapServers());
    conf.setString("client.writer.batch-size", "16kb");
    connection = Connection.create(conf);
    connection.getAdmin().createDatabase(PATH.getDatabaseName(), DatabaseDescriptor.EMPTY, true);
  }

  @AfterAll
  static void stop() throws Exception {
    for (String setting : SETTINGS) {
      System.clearProperty(S3Config.PROPERTY_PREFIX + setting);
    }
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  private static Table createTable(TablePath path, Schema schema) {
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(1)
                .properties(FlussCluster.FAST_TIERING_TABLE_PROPERTIES)
                .build(),
            false);
    return connection.getTable(path);
  }

  @Test
  void aScannerReadsSegmentsTheServerTieredToS3() {
    Table table =
        createTable(
            PATH,
            Schema.newBuilder()
                .column("id", DataTypes.INT().notNull())
                .column("name", DataTypes.STRING())
                .build());
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int id = 0; id < ROWS; id++) {
        writer.append(id, name(id));
      }
    }
    await(
        "3 segments in S3 and offset 0 gone from the tablet server",
        this::tieredToS3,
        () ->
            "in S3: "
                + segmentsInS3()
                + ", local: "
                + cluster.localLogSegments(0, PATH.getDatabaseName(), PATH.getTableName(), 0));

    List<ScanRecord> records = new ArrayList<>(ROWS);
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (records.size() < ROWS && System.nanoTime() < deadline) {
        scanner.poll(Duration.ofSeconds(1)).forEach(records::add);
      }
    }
    assertThat(records).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(records.get(i).offset()).isEqualTo(i);
      assertThat(records.get(i).getRow()).containsExactly(i, name(i));
    }
  }

  @Test
  void aSnapshotReaderReadsKvSnapshotFilesFromS3(@TempDir Path tmp) throws Exception {
    Table table =
        createTable(
            PK_PATH,
            Schema.newBuilder()
                .column("id", DataTypes.INT().notNull())
                .column("name", DataTypes.STRING())
                .primaryKey("id")
                .build());
    int keys = 1_000;
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (int id = 0; id < keys; id++) {
        writer.upsert(List.of(id, "first-" + id));
      }
      for (int id = 0; id < keys; id += 2) {
        writer.upsert(List.of(id, name(id)));
      }
    }
    Admin admin = connection.getAdmin();
    long end = admin.listOffsets(PK_PATH, List.of(0), OffsetSpec.latest()).get(0);
    await(
        "a KV snapshot up to offset " + end,
        () ->
            admin.getLatestKvSnapshots(PK_PATH).latest(0).map(KvSnapshot::logOffset).orElse(0L)
                == end,
        () -> "latest: " + admin.getLatestKvSnapshots(PK_PATH).snapshots());

    Map<Object, Object> read = new HashMap<>();
    try (KvSnapshotReader reader =
        KvSnapshotReader.open(
            connection, table, KvSnapshotReadOptions.defaults().withTempDirectory(tmp))) {
      reader.forEachRemaining(r -> read.put(r.getValue(0), r.getValue(1)));
    }
    assertThat(read).hasSize(keys);
    for (int id = 0; id < keys; id++) {
      assertThat(read.get(id)).isEqualTo(id % 2 == 0 ? name(id) : "first-" + id);
    }
    assertThat(s3.blobStore().list(BUCKET, ListContainerOptions.Builder.recursive()).stream())
        .as("the snapshot's files are in S3")
        .anyMatch(blob -> blob.getName().contains("/kv/"));
  }

  private boolean tieredToS3() {
    List<Path> local = cluster.localLogSegments(0, PATH.getDatabaseName(), PATH.getTableName(), 0);
    boolean offsetZeroGone =
        !local.isEmpty()
            && !local.get(0).getFileName().toString().equals("00000000000000000000.log");
    return offsetZeroGone && segmentsInS3().size() >= 3;
  }

  private List<String> segmentsInS3() {
    return s3.blobStore().list(BUCKET, ListContainerOptions.Builder.recursive()).stream()
        .map(StorageMetadata::getName)
        .filter(name -> name.endsWith(".log"))
        .toList();
  }

  private static void await(String what, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; " + state.get());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private static String name(int id) {
    // ~200 bytes a row that compress poorly (log batches are compressed): over ten 128 KB segments.
    Random random = new Random(id);
    StringBuilder name = new StringBuilder("event-").append(id).append('-');
    for (int i = 0; i < 200; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }
}
