package io.flussjava.fs.s3;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 server in this JVM on a free loopback port: S3Proxy over jclouds' in-memory ("transient")
 * blob store, requiring AWS signatures with {@link #ACCESS_KEY}/{@link #SECRET_KEY}.
 */
final class S3ProxyServer implements AutoCloseable {
  static final String ACCESS_KEY = "fluss-test-access";
  static final String SECRET_KEY = "fluss-test-secret";

  private final BlobStoreContext context;
  private final S3Proxy proxy;

  private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
  }

  static S3ProxyServer start() throws Exception {
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient")
            .credentials("unused", "unused")
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      // Jetty's start returns once the connector listens.
      proxy.start();
    } catch (Exception e) {
      context.close();
      throw e;
    }
    return new S3ProxyServer(context, proxy);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** The store behind the server, to put objects without going through S3. */
  BlobStore blobStore() {
    return context.getBlobStore();
  }

  /** Path-style (S3Proxy serves no bucket host names) with the server's credentials. */
  S3Config.Builder config() {
    return S3Config.builder()
        .endpoint(endpoint())
        .pathStyleAccess(true)
        .region("us-east-1")
        .credentials(ACCESS_KEY, SECRET_KEY, null);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      // Jetty's stop declares Exception; a test's clean-up has nothing to add to it.
      throw new IllegalStateException("stopping S3Proxy", e);
    } finally {
      context.close();
    }
  }
}
