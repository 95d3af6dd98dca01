package io.flussjava.client;

import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.AdminImpl;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.OffsetLister;
import io.flussjava.client.internal.Retrier;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.client.lookup.internal.LookupClient;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.write.internal.WriterClient;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.ConfigNote;
import io.flussjava.config.Configuration;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.InvalidConfigException;
import io.flussjava.rpc.RpcClient;
import io.flussjava.types.convert.TypeConverters;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: a connection to one Fluss cluster, owning the network threads, the server
 * connections and the metadata cache that every {@link Admin} and {@link Table} obtained from it
 * shares.
 *
 * <pre>{@code
 * Configuration conf = new Configuration();
 * conf.setString("bootstrap.servers", "localhost:9123");
 * try (Connection connection = Connection.create(conf)) {
 *   Admin admin = connection.getAdmin();
 *   System.out.println(admin.listDatabases());
 *   Table table = connection.getTable("my_db.my_table");
 *   System.out.println(table.getTableInfo());
 * }
 * }</pre>
 *
 * <p>{@link #create} checks the configuration (unknown keys and bad values fail with an {@link
 * InvalidConfigException} naming the key) and contacts a bootstrap server before it returns, so a
 * wrong address fails here rather than at the first write. Thread-safe; create one per cluster and
 * application and close it when done.
 */
public final class Connection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final Configuration conf;
  private final RpcClient rpc;
  private final ScheduledExecutorService scheduler;
  private final MetadataCache metadata;
  private final Retrier retrier;
  private final Duration requestTimeout;
  private final AdminImpl admin;
  private final OffsetLister offsetLister;
  private final TypeConverters typeConverters;
  private final ConnectionState state = new ConnectionState();
  // Admin futures complete here: a user's callback that blocks stalls no network thread.
  private final ExecutorService callbacks;
  private WriterClient writerClient;
  private LookupClient lookupClient;

  private Connection(
      Configuration conf,
      RpcClient rpc,
      ScheduledExecutorService scheduler,
      TypeConverters typeConverters) {
    this.conf = conf;
    this.typeConverters = typeConverters;
    this.rpc = rpc;
    this.scheduler = scheduler;
    this.requestTimeout = conf.get(ClientOptions.REQUEST_TIMEOUT);
    this.retrier = new Retrier(scheduler, RetryPolicy.from(conf), Clock.SYSTEM);
    this.metadata =
        new MetadataCache(
            rpc,
            parseBootstrapServers(conf),
            retrier,
            requestTimeout,
            conf.get(ClientOptions.METADATA_MAX_AGE));
    this.offsetLister = new OffsetLister(metadata, retrier, requestTimeout);
    this.callbacks = newCallbackExecutor(conf.get(ClientOptions.CLIENT_ID));
    this.admin = new AdminImpl(metadata, retrier, requestTimeout, offsetLister, callbacks);
  }

  /**
   * Opens a connection to the cluster named by {@code bootstrap.servers}.
   *
   * @throws InvalidConfigException for an unknown key, a bad value or a missing {@code
   *     bootstrap.servers}
   * @throws io.flussjava.exception.NetworkException when no bootstrap server can be reached
   * @throws io.flussjava.exception.AuthenticationException when the cluster rejects the credentials
   */
  public static Connection create(Configuration configuration) {
    return create(configuration, TypeConverters.defaults());
  }

  /**
   * Opens a connection whose writers, scanners and lookupers convert Java values with {@code
   * typeConverters} (for example to accept {@code java.util.Date} for TIMESTAMP columns; see {@link
   * TypeConverters}).
   */
  public static Connection create(Configuration configuration, TypeConverters typeConverters) {
    ClientOptions.Resolved resolved = ClientOptions.resolve(configuration);
    Configuration conf = resolved.configuration();
    parseBootstrapServers(conf);
    logNotes(resolved.notes());
    String clientId = conf.get(ClientOptions.CLIENT_ID);
    ScheduledExecutorService scheduler = newScheduler(clientId);
    RpcClient rpc = null;
    try {
      rpc = new RpcClient(conf);
      Connection connection = new Connection(conf, rpc, scheduler, typeConverters);
      Duration timeout = connection.requestTimeout;
      Futures.await(connection.metadata.bootstrap(), timeout, "connecting to bootstrap.servers");
      LOG.info("Connected to Fluss cluster: {}", connection.metadata.nodes());
      return connection;
    } catch (RuntimeException e) {
      // A half-built connection must not leak threads or sockets.
      if (rpc != null) {
        rpc.close();
      }
      scheduler.shutdownNow();
      throw e;
    }
  }

  /** The admin API of this connection; shares its resources (closing it is optional). */
  public Admin getAdmin() {
    checkOpen();
    return admin;
  }

  /**
   * A handle to an existing table, e.g. {@code getTable("my_db.users")}.
   *
   * @throws io.flussjava.exception.TableNotExistException if the table does not exist
   */
  public Table getTable(String tablePath) {
    return getTable(TablePath.parse(tablePath));
  }

  /**
   * A handle to an existing table.
   *
   * @throws io.flussjava.exception.TableNotExistException if the table does not exist
   */
  public Table getTable(TablePath tablePath) {
    checkOpen();
    // Table info comes from the coordinator's catalog (authoritative right after a create or drop);
    // bucket leaders
    // are looked up separately, through the metadata cache, by whatever reads or writes the table.
    TableInfo info =
        Futures.await(
            admin.getTableInfoAsync(tablePath),
            requestTimeout.plusSeconds(5),
            "getTable(" + tablePath + ")");
    return new Table(this, info);
  }

  /**
   * A copy of the configuration this connection was created with, as fluss-java reads it: the
   * official client's aliases renamed to fluss-java's keys, its keys that fluss-java does not use
   * left out.
   */
  public Configuration getConfiguration() {
    return conf.copy();
  }

  MetadataCache metadata() {
    return metadata;
  }

  /** The write pipeline, started with the first writer. */
  synchronized WriterClient writerClient() {
    checkOpen();
    if (writerClient == null) {
      // Dynamic partition creation goes through the admin so that the new partition is visible to
      // this connection.
      writerClient =
          new WriterClient(
              conf, metadata, state, (path, spec) -> admin.createPartitionAsync(path, spec, true));
    }
    return writerClient;
  }

  /** The lookup batching client, started with the first lookuper. */
  synchronized LookupClient lookupClient() {
    checkOpen();
    if (lookupClient == null) {
      lookupClient = new LookupClient(metadata, conf, scheduler, state);
    }
    return lookupClient;
  }

  /** The open/closed state every handle of this connection checks. */
  ConnectionState state() {
    return state;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  Retrier retrier() {
    return retrier;
  }

  OffsetLister offsetLister() {
    return offsetLister;
  }

  TypeConverters typeConverters() {
    return typeConverters;
  }

  private void checkOpen() {
    if (state.isClosed()) {
      throw ClosedException.of("this Connection");
    }
  }

  /**
   * Closes the server connections and stops the client's threads. Every call on a handle of this
   * connection fails from then on with a {@link ClosedException}, and so does every pending
   * operation: records not yet acknowledged (flush or close writers first to wait for them),
   * lookups and fetches in flight. Idempotent and thread-safe.
   */
  @Override
  public void close() {
    if (!state.close()) {
      return;
    }
    synchronized (this) {
      if (writerClient != null) {
        writerClient.close();
      }
    }
    admin.close();
    rpc.close();
    callbacks.shutdown();
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void logNotes(List<ConfigNote> notes) {
    for (ConfigNote note : notes) {
      if (note.warning()) {
        LOG.warn(note.message());
      } else {
        LOG.info(note.message());
      }
    }
  }

  static List<InetSocketAddress> parseBootstrapServers(Configuration conf) {
    List<String> servers = conf.get(ClientOptions.BOOTSTRAP_SERVERS);
    if (servers == null || servers.isEmpty()) {
      throw new InvalidConfigException(
          "Configuration key 'bootstrap.servers' is required, e.g. conf.setString(\"bootstrap.servers\","
              + " \"localhost:9123\").");
    }
    List<InetSocketAddress> out = new ArrayList<>();
    for (String s : servers) {
      int colon = s.lastIndexOf(':');
      int port = -1;
      if (colon > 0) {
        try {
          port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException ignored) {
          port = -1;
        }
      }
      if (port <= 0 || port > 65535) {
        throw new InvalidConfigException(
            "Invalid value '"
                + s
                + "' in configuration key 'bootstrap.servers': expected host:port.");
      }
      out.add(InetSocketAddress.createUnresolved(s.substring(0, colon), port));
    }
    return out;
  }

  private static ExecutorService newCallbackExecutor(String clientId) {
    String name = "fluss-client-callbacks" + (clientId.isEmpty() ? "" : "-" + clientId);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return pool;
  }

  private static ScheduledExecutorService newScheduler(String clientId) {
    String name = "fluss-client-scheduler" + (clientId.isEmpty() ? "" : "-" + clientId);
    ScheduledThreadPoolExecutor s =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    s.setRemoveOnCancelPolicy(true);
    return Executors.unconfigurableScheduledExecutorService(s);
  }
}
