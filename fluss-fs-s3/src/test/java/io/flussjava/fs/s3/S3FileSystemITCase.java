package io.flussjava.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.fs.RemoteFileSystem;
import io.flussjava.client.fs.RemoteFileSystems;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Random;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link S3FileSystem} against S3Proxy: reads, missing objects, wrong credentials, no server. */
class S3FileSystemITCase {
  private static final String BUCKET = "fluss-remote";
  // As a 0.9.1 server names a tiered segment under remote.data.dir.
  private static final String SEGMENT_KEY =
      "log/db/events-1/0/3f2a5c1e-0000-4000-8000-000000000001/00000000000000000000.log";

  private static S3ProxyServer server;
  private static S3FileSystem fs;
  private static byte[] segment;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.start();
    BlobStore store = server.blobStore();
    store.createContainerInLocation(null, BUCKET);
    // Larger than any one network read, so the stream is really read in pieces.
    segment = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(segment);
    store.putBlob(BUCKET, store.blobBuilder(SEGMENT_KEY).payload(segment).build());
    fs = S3FileSystem.of(server.config().build());
  }

  @AfterAll
  static void stop() throws Exception {
    if (fs != null) {
      fs.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void readsAnObjectThroughTheRegistryForS3AndS3a() throws IOException {
    RemoteFileSystems fileSystems = RemoteFileSystems.of(fs);
    for (String scheme : new String[] {"s3", "s3a"}) {
      URI uri = RemoteFileSystems.toUri(scheme + "://" + BUCKET + "/" + SEGMENT_KEY);
      RemoteFileSystem found = fileSystems.forUri(uri);

      assertThat(found.exists(uri)).isTrue();
      assertThat(found.localPath(uri)).isEmpty();
      try (InputStream in = found.open(uri)) {
        assertThat(in.readAllBytes()).isEqualTo(segment);
      }
    }
  }

  @Test
  void aMissingObjectOrBucketIsNoSuchFile() throws IOException {
    URI missingKey = URI.create("s3://" + BUCKET + "/log/gone.log");
    URI missingBucket = URI.create("s3://no-such-bucket/log/gone.log");

    assertThat(fs.exists(missingKey)).isFalse();
    assertThat(fs.exists(missingBucket)).isFalse();
    assertThatThrownBy(() -> fs.open(missingKey))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("s3://" + BUCKET + "/log/gone.log")
        .hasMessageContaining("no such object");
    assertThatThrownBy(() -> fs.open(missingBucket))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no such bucket");
  }

  @Test
  void wrongCredentialsAreAccessDeniedNamingBucketAndKey() {
    URI uri = URI.create("s3://" + BUCKET + "/" + SEGMENT_KEY);
    try (S3FileSystem wrong =
        S3FileSystem.of(
            server
                .config()
                .credentials(S3ProxyServer.ACCESS_KEY, "not-the-secret", null)
                .build())) {
      assertThatThrownBy(() -> wrong.open(uri))
          .isInstanceOfSatisfying(
              S3AccessDeniedException.class,
              e -> {
                assertThat(e.bucket()).isEqualTo(BUCKET);
                assertThat(e.key()).isEqualTo(SEGMENT_KEY);
              })
          .hasMessageContaining("SignatureDoesNotMatch")
          .hasMessageContaining("credentials")
          .hasMessageContaining("access key " + S3ProxyServer.ACCESS_KEY)
          .hasMessageNotContaining("not-the-secret");
      assertThatThrownBy(() -> wrong.exists(uri)).isInstanceOf(S3AccessDeniedException.class);
    }
  }

  @Test
  void noServerFailsTypedAndFast() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI uri = URI.create("s3://" + BUCKET + "/" + SEGMENT_KEY);
    try (S3FileSystem unreachable =
        S3FileSystem.of(
            server
                .config()
                .endpoint(URI.create("http://127.0.0.1:" + closedPort))
                .connectTimeout(Duration.ofSeconds(2))
                .build())) {
      assertThatThrownBy(() -> unreachable.open(uri))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("without an answer from S3")
          .hasMessageContaining("127.0.0.1:" + closedPort);
    }
  }

  @Test
  void theServiceLoaderInstanceIsConfiguredBySystemProperties() throws IOException {
    String[][] settings = {
      {"endpoint", server.endpoint().toString()},
      {"path-style-access", "true"},
      {"region", "us-east-1"},
      {"access-key", S3ProxyServer.ACCESS_KEY},
      {"secret-key", S3ProxyServer.SECRET_KEY},
    };
    for (String[] setting : settings) {
      System.setProperty(S3Config.PROPERTY_PREFIX + setting[0], setting[1]);
    }
    try {
      URI uri = URI.create("s3://" + BUCKET + "/" + SEGMENT_KEY);
      RemoteFileSystem discovered = RemoteFileSystems.discover().forUri(uri);
      assertThat(discovered).isInstanceOf(S3FileSystem.class);
      try (InputStream in = discovered.open(uri)) {
        assertThat(in.readAllBytes()).isEqualTo(segment);
      }
    } finally {
      for (String[] setting : settings) {
        System.clearProperty(S3Config.PROPERTY_PREFIX + setting[0]);
      }
    }
  }
}
