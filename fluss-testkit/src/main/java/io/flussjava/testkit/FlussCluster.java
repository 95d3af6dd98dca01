package io.flussjava.testkit;

import io.flussjava.testkit.internal.ClassDataSharing;
import io.flussjava.testkit.internal.ConfigFiles;
import io.flussjava.testkit.internal.ExitWithParentJar;
import io.flussjava.testkit.internal.FreePortAllocator;
import io.flussjava.testkit.internal.JvmCommand;
import io.flussjava.testkit.internal.MetadataProbe;
import io.flussjava.testkit.internal.ServerJarResolver;
import io.flussjava.testkit.internal.ServerPorts;
import io.flussjava.testkit.internal.ServerProcess;
import io.flussjava.testkit.internal.StartupWaiter;
import io.flussjava.testkit.internal.TestKitCache;
import io.flussjava.testkit.internal.TieredSegments;
import io.flussjava.testkit.internal.WorkDirLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Fluss cluster for tests: ZooKeeper, one CoordinatorServer and N TabletServers, each
 * in its own child JVM, on free loopback ports, with all state in a fresh temp directory.
 *
 * <pre>{@code
 * try (FlussCluster cluster = FlussCluster.builder().tabletServers(1).build()) {
 *     cluster.start();
 *     String bootstrap = cluster.bootstrapServers(); // "localhost:PORT"
 *     ...
 * }
 * }</pre>
 *
 * <p>The server fat jar runs only in the child JVMs and is never on this JVM's classpath. {@link
 * #close()} stops every child (tablet servers, then the coordinator, then ZooKeeper) and deletes
 * the work directory unless the system property {@value #KEEP_DIR_PROPERTY} is {@code true}. A JVM
 * shutdown hook does the same if the cluster is not closed, and each child also exits by itself
 * when this JVM dies, even by SIGKILL.
 *
 * <p>Each process logs to {@code <workDir>/logs/<name>.log} (log4j) and {@code <name>.out} (stdout
 * and stderr), where the names are {@code zookeeper}, {@code coordinator} and {@code tablet-<id>}.
 *
 * <p>Every cluster tiers log segments to {@code <workDir>/remote} ({@code remote.data.dir}, or the
 * directory of {@link Builder#remoteStorage(Path)}); with the server defaults that happens only
 * after 1 GB segments and a minute. {@link Builder#fastLogTiering()} makes it happen within
 * seconds, and {@link #awaitLogTiered} waits until a bucket's beginning is served only from remote
 * storage.
 *
 * <p>Thread-safe: lifecycle methods are synchronized.
 */
public final class FlussCluster implements AutoCloseable {

  /**
   * System property: {@code true} keeps the work directory (config, data, logs) after {@link
   * #close()}.
   */
  public static final String KEEP_DIR_PROPERTY = "fluss.testkit.keep-dir";

  public static final String DEFAULT_ZOOKEEPER_HEAP = "128m";
  public static final String DEFAULT_COORDINATOR_HEAP = "384m";
  public static final String DEFAULT_TABLET_SERVER_HEAP = "768m";
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);

  /** The server key of the directory (or URI) log segments are tiered to. */
  public static final String REMOTE_DATA_DIR_KEY = "remote.data.dir";

  /**
   * Table properties that make the servers of a {@link Builder#fastLogTiering} cluster keep a
   * single closed segment locally, so that tiered offsets are soon served only remotely. {@code
   * table.log.tiered.local-segments} is a table setting in 0.9.1, not a server one: pass these when
   * creating the table.
   */
  public static final Map<String, String> FAST_TIERING_TABLE_PROPERTIES =
      Map.of("table.log.tiered.local-segments", "1");

  private static final Logger LOG = LoggerFactory.getLogger(FlussCluster.class);

  /** How long a server gets to shut down after SIGTERM before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** Start attempts when a server loses a race for its port with another process. */
  private static final int MAX_START_ATTEMPTS = 3;

  private static final String PORT_CLASH = "Address already in use";
  private static final String HOST = ServerPorts.HOST;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final Settings settings;
  private final FreePortAllocator portAllocator = new FreePortAllocator();
  private final Map<Integer, ServerProcess> tabletServers = new ConcurrentSkipListMap<>();
  private final Map<Integer, ServerPorts> tabletServerPorts = new ConcurrentSkipListMap<>();

  private State state = State.NEW;

  /** Set first thing on close, read by startup waits and the shutdown hook from other threads. */
  private volatile boolean closing;

  private volatile WorkDirLayout layout;
  private volatile ServerProcess zooKeeper;
  private volatile ServerProcess coordinator;
  private int zooKeeperPort;
  private ServerPorts coordinatorPorts;
  private FaultProxy coordinatorProxy;
  private final Map<Integer, FaultProxy> tabletServerProxies = new ConcurrentSkipListMap<>();
  private List<Path> serverClasspath;

  /**
   * The per-user cache (wrapper jar, class-data-sharing archives), or null when none is writable.
   */
  private Path cacheDir;

  private Path exitWithParentJar;
  private Thread shutdownHook;

  private FlussCluster(Settings settings) {
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the cluster and returns when the coordinator reports every tablet server. Does nothing
   * if already running.
   *
   * @return this cluster
   * @throws FlussClusterException if the server jar is missing, a server exits early or the startup
   *     timeout passes; whatever was already started is stopped again
   * @throws IllegalStateException if the cluster was closed
   */
  public synchronized FlussCluster start() {
    if (state == State.RUNNING) {
      return this;
    }
    if (state == State.CLOSED) {
      throw new IllegalStateException("this Fluss cluster was closed; build a new one");
    }
    long startNanos = System.nanoTime();
    serverClasspath = ServerJarResolver.fromEnvironment().classpath();
    layout = WorkDirLayout.createTemp();
    cacheDir = TestKitCache.directory().orElse(null);
    exitWithParentJar = ExitWithParentJar.in(cacheDir != null ? cacheDir : layout.root());
    registerShutdownHook();
    try {
      startWithPortRetries();
    } catch (RuntimeException e) {
      LOG.warn("Fluss cluster failed to start; stopping what was started");
      stopAllProcesses();
      deleteWorkDir();
      removeShutdownHook();
      throw e;
    }
    state = State.RUNNING;
    LOG.info(
        "cluster up in {} s: bootstrap.servers={} (work dir {})",
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9),
        bootstrapServers(),
        layout.root());
    return this;
  }

  /** Stops every server and removes the work directory; same as {@link #close()}. */
  public void stop() {
    close();
  }

  /**
   * Stops every server (tablet servers, coordinator, ZooKeeper) and removes the work directory.
   * Idempotent.
   */
  @Override
  public void close() {
    closing =
        true; // lets a start() in progress on another thread give up instead of holding the lock
    synchronized (this) {
      if (state == State.CLOSED) {
        return;
      }
      boolean wasRunning = state == State.RUNNING;
      state = State.CLOSED;
      long startNanos = System.nanoTime();
      stopAllProcesses();
      closeProxies();
      deleteWorkDir();
      removeShutdownHook();
      if (wasRunning) {
        LOG.info(
            "Fluss cluster stopped in {} s",
            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9));
      }
    }
  }

  /**
   * True between a successful {@link #start()} and {@link #close()}, even while a tablet server is
   * stopped.
   */
  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /**
   * The client listener of the coordinator, e.g. {@code localhost:41234}; SASL/PLAIN if {@link
   * Builder#sasl}.
   */
  public synchronized String bootstrapServers() {
    requireRunning();
    return HOST + ":" + coordinatorPorts.advertisedClientPort();
  }

  /** The coordinator's client listener port. */
  public synchronized int coordinatorPort() {
    requireRunning();
    return coordinatorPorts.clientPort();
  }

  /** The client listener port of tablet server {@code id} (ids are 0..N-1). */
  public synchronized int tabletServerPort(int id) {
    requireRunning();
    return portsOf(id).clientPort();
  }

  /** The number of tablet servers the cluster was built with. */
  public int tabletServerCount() {
    return settings.tabletServers;
  }

  /** Whether clients must authenticate with SASL/PLAIN. */
  public boolean saslEnabled() {
    return !settings.saslUsers.isEmpty();
  }

  /**
   * The directory with this cluster's config, data and logs. Still answers after {@link #close()},
   * when the directory is gone unless {@value #KEEP_DIR_PROPERTY} is set.
   */
  public synchronized Path workDir() {
    if (state == State.NEW) {
      throw new IllegalStateException("Fluss cluster is not started");
    }
    return layout.root();
  }

  /**
   * Where the servers tier log segments to ({@code remote.data.dir}): the directory given to {@link
   * Builder#remoteStorage(Path)}, by default {@code <workDir>/remote}. Tests may look into it, e.g.
   * to damage a tiered segment.
   */
  public synchronized Path remoteDataDir() {
    String configured = settings.serverConfig.get(REMOTE_DATA_DIR_KEY);
    workDir(); // checks the state
    return configured != null ? Path.of(configured) : layout.remoteData();
  }

  /**
   * The {@code data.dir} of tablet server {@code id}, where it keeps its local log segments ({@code
   * <db>/<table>-<tableId>/log-<bucket>/}).
   */
  public synchronized Path tabletServerDataDir(int id) {
    portsOf(id); // checks the id
    workDir(); // checks the state
    return layout.tabletServerData(id);
  }

  /**
   * The tiered segment files of bucket {@code bucket} of a table (not partitioned) in {@link
   * #remoteDataDir()}, oldest first.
   */
  public List<Path> remoteLogSegments(String database, String table, int bucket) {
    return TieredSegments.remote(remoteDataDir(), database, table, bucket);
  }

  /**
   * The local segment files of bucket {@code bucket} of a table (not partitioned) on tablet server
   * {@code serverId}, oldest first.
   */
  public List<Path> localLogSegments(int serverId, String database, String table, int bucket) {
    return TieredSegments.local(tabletServerDataDir(serverId), database, table, bucket);
  }

  /**
   * Waits until bucket {@code bucket} of a table has at least {@code minSegments} tiered segments
   * and tablet server {@code serverId} no longer holds its offset 0, so that reading it from the
   * beginning must go to remote storage. Needs a {@link Builder#fastLogTiering} cluster and a table
   * with {@link #FAST_TIERING_TABLE_PROPERTIES} to finish in seconds.
   *
   * @throws FlussClusterException if that does not happen within {@code timeout}
   */
  public void awaitLogTiered(
      int serverId, String database, String table, int bucket, int minSegments, Duration timeout) {
    Path remote = remoteDataDir();
    Path local = tabletServerDataDir(serverId);
    TieredSegments.await(remote, local, database, table, bucket, minSegments, timeout);
  }

  /**
   * The fault proxy in front of tablet server {@code id}'s client listener (clients reach the
   * server only through it).
   *
   * @throws IllegalStateException if the cluster was not built with {@link Builder#faultProxies()}
   */
  public synchronized FaultProxy tabletServerProxy(int id) {
    requireRunning();
    requireProxies();
    portsOf(id);
    return tabletServerProxies.get(id);
  }

  /**
   * The fault proxy in front of the coordinator's client listener, which {@link
   * #bootstrapServers()} names.
   *
   * @throws IllegalStateException if the cluster was not built with {@link Builder#faultProxies()}
   */
  public synchronized FaultProxy coordinatorProxy() {
    requireRunning();
    requireProxies();
    return coordinatorProxy;
  }

  private void requireProxies() {
    if (!settings.faultProxies) {
      throw new IllegalStateException(
          "this cluster has no fault proxies; see Builder#faultProxies");
    }
  }

  /** Kills the coordinator like {@code kill -9}. Tablet servers keep serving their leaders. */
  public synchronized void killCoordinator() {
    requireRunning();
    LOG.info("killing the coordinator (pid {})", coordinator.pid());
    coordinator.kill();
  }

  /**
   * (Re)starts the coordinator on its old ports, stopping it first if it runs, and returns when it
   * lists every tablet server that is running again.
   */
  public synchronized void restartCoordinator() {
    requireRunning();
    if (coordinator.isAlive()) {
      coordinator.stop(STOP_GRACE);
    }
    long startNanos = System.nanoTime();
    coordinator.start();
    StartupWaiter waiter = newWaiter();
    List<ServerProcess> watched = new ArrayList<>(List.of(coordinator));
    awaitListening(waiter, List.of(coordinator), watched);
    int probePort = coordinatorPorts.plaintextPort();
    for (Map.Entry<Integer, ServerProcess> e : tabletServers.entrySet()) {
      if (e.getValue().isAlive()) {
        int id = e.getKey();
        waiter.await(
            "coordinator to report tablet server " + id,
            watched,
            () ->
                MetadataProbe.tabletServerIds(HOST, probePort, probeTimeout(waiter)).contains(id));
      }
    }
    LOG.info(
        "coordinator back in {} s",
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9));
  }

  /**
   * Stops tablet server {@code id} gracefully (SIGTERM, so it deregisters), killing it after a
   * grace period.
   */
  public synchronized void stopTabletServer(int id) {
    requireRunning();
    ServerProcess server = tabletServer(id);
    LOG.info("stopping tablet server {} (pid {})", id, server.pid());
    server.stop(STOP_GRACE);
  }

  /**
   * Kills tablet server {@code id} like {@code kill -9}: no shutdown hooks run, so its ZooKeeper
   * registration lingers until the session expires.
   */
  public synchronized void killTabletServer(int id) {
    requireRunning();
    ServerProcess server = tabletServer(id);
    LOG.info("killing tablet server {} (pid {})", id, server.pid());
    server.kill();
  }

  /**
   * (Re)starts tablet server {@code id} with its old ports and data directory, stopping it first if
   * it runs, and returns when the coordinator has registered it again and sent it the cluster
   * metadata. After a {@link #killTabletServer kill} this takes up to the ZooKeeper session
   * timeout, until the old registration expires.
   */
  public synchronized void restartTabletServer(int id) {
    requireRunning();
    ServerProcess server = tabletServer(id);
    if (server.isAlive()) {
      server.stop(STOP_GRACE);
    }
    long startNanos = System.nanoTime();
    LOG.info("restarting tablet server {} on port {}", id, portsOf(id).clientPort());
    server.start();
    StartupWaiter waiter = newWaiter();
    awaitListening(waiter, List.of(server), List.of(server, coordinator));
    awaitRegistered(waiter, id, List.of(server, coordinator));
    LOG.info(
        "tablet server {} back in {} s",
        id,
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9));
  }

  @Override
  public String toString() {
    return "FlussCluster{tabletServers="
        + settings.tabletServers
        + ", sasl="
        + saslEnabled()
        + ", coordinatorPort="
        + (coordinatorPorts == null ? "-" : coordinatorPorts.clientPort())
        + "}";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // startup

  private void startWithPortRetries() {
    for (int attempt = 1; ; attempt++) {
      try {
        launchAll();
        return;
      } catch (FlussClusterException e) {
        boolean portClash = allProcesses().stream().anyMatch(p -> p.outputMentions(PORT_CLASH));
        if (!portClash || attempt >= MAX_START_ATTEMPTS || closing) {
          throw e;
        }
        // Free ports are only free when we look; another process may have bound one in between.
        LOG.warn(
            "a Fluss server lost its port to another process; retrying with new ports ({}/{})",
            attempt + 1,
            MAX_START_ATTEMPTS);
        stopAllProcesses();
      }
    }
  }

  private void launchAll() {
    WorkDirLayout dirs = layout;
    dirs.resetState();
    allocatePorts();
    ConfigFiles.writeAll(
        dirs,
        zooKeeperPort,
        new ConfigFiles.ServerYaml(
            zooKeeperPort,
            settings.defaultBuckets,
            settings.replicationFactor,
            coordinatorPorts,
            settings.saslUsers,
            settings.serverConfig));
    createProcesses(dirs);
    StartupWaiter waiter = newWaiter();

    LOG.info("starting ZooKeeper on port {} (work dir {})", zooKeeperPort, dirs.root());
    launch(zooKeeper);
    // Port open is enough: ZooKeeper binds its client port only once it can serve.
    waiter.awaitPort("ZooKeeper", "127.0.0.1", zooKeeperPort, List.of(zooKeeper));

    // The coordinator and the tablet servers only need ZooKeeper, not each other: tablet servers
    // register in
    // ZooKeeper and the coordinator picks them up whenever it comes up. Launching them together
    // overlaps the
    // JVM and class-loading startup of all of them.
    LOG.info(
        "starting coordinator on port {} and {} tablet server(s) on port(s) {}",
        coordinatorPorts.clientPort(),
        settings.tabletServers,
        tabletServerPorts.values().stream()
            .map(p -> Integer.toString(p.clientPort()))
            .collect(Collectors.joining(", ")));
    launch(coordinator);
    tabletServers.values().forEach(this::launch);

    List<ServerProcess> all = allProcesses();
    List<ServerProcess> servers = new ArrayList<>(all);
    servers.remove(zooKeeper);
    awaitListening(waiter, servers, all);
    for (int id : tabletServers.keySet()) {
      awaitRegistered(waiter, id, all);
    }
  }

  private void allocatePorts() {
    zooKeeperPort = portAllocator.nextFreePort();
    coordinatorPorts = allocateServerPorts();
    tabletServerPorts.clear();
    for (int id = 0; id < settings.tabletServers; id++) {
      tabletServerPorts.put(id, allocateServerPorts());
    }
    startProxies();
  }

  private ServerPorts allocateServerPorts() {
    int clientPort = portAllocator.nextFreePort();
    if (settings.faultProxies) {
      return ServerPorts.proxied(
          clientPort, portAllocator.nextFreePort(), portAllocator.nextFreePort());
    }
    return saslEnabled()
        ? ServerPorts.sasl(clientPort, portAllocator.nextFreePort())
        : ServerPorts.plain(clientPort);
  }

  // The proxies live as long as the cluster, across server restarts, on the ports the servers
  // advertise.
  private void startProxies() {
    closeProxies();
    if (!settings.faultProxies) {
      return;
    }
    coordinatorProxy =
        FaultProxy.start(
            "coordinator", coordinatorPorts.proxyPort(), HOST, coordinatorPorts.clientPort());
    tabletServerPorts.forEach(
        (id, ports) ->
            tabletServerProxies.put(
                id, FaultProxy.start("tablet-" + id, ports.proxyPort(), HOST, ports.clientPort())));
  }

  private void closeProxies() {
    if (coordinatorProxy != null) {
      coordinatorProxy.close();
      coordinatorProxy = null;
    }
    tabletServerProxies.values().forEach(FaultProxy::close);
    tabletServerProxies.clear();
  }

  private void createProcesses(WorkDirLayout dirs) {
    String conf = dirs.conf().toAbsolutePath().toString();
    zooKeeper =
        newProcess(
            dirs,
            "zookeeper",
            settings.zooKeeperHeap,
            JvmCommand.ZOOKEEPER_MAIN,
            List.of(dirs.zooKeeperProperties().toAbsolutePath().toString()));
    coordinator =
        newProcess(
            dirs,
            "coordinator",
            settings.coordinatorHeap,
            JvmCommand.COORDINATOR_MAIN,
            List.of("--configDir", conf));
    tabletServers.clear();
    for (int id = 0; id < settings.tabletServers; id++) {
      Path dataDir = dirs.tabletServerData(id);
      dirs.createDirectories(dataDir);
      // -D dynamic properties override the shared server.yaml per tablet server.
      tabletServers.put(
          id,
          newProcess(
              dirs,
              "tablet-" + id,
              settings.tabletServerHeap,
              JvmCommand.TABLET_SERVER_MAIN,
              tabletServerArgs(conf, id, dataDir)));
    }
  }

  private List<String> tabletServerArgs(String conf, int id, Path dataDir) {
    ServerPorts ports = tabletServerPorts.get(id);
    List<String> args = new ArrayList<>();
    args.add("--configDir");
    args.add(conf);
    args.add("-Dbind.listeners=" + ports.bindListeners());
    if (ports.advertisedListeners() != null) {
      args.add("-Dadvertised.listeners=" + ports.advertisedListeners());
    }
    args.add("-Dtablet-server.id=" + id);
    args.add("-Ddata.dir=" + dataDir.toAbsolutePath());
    return args;
  }

  private ServerProcess newProcess(
      WorkDirLayout dirs, String name, String heap, String mainClass, List<String> args) {
    List<Path> classpath = new ArrayList<>(serverClasspath);
    classpath.addAll(settings.extraServerJars);
    classpath.add(exitWithParentJar);
    // One archive per kind of server: "tablet-0" and "tablet-1" load the same classes.
    String kind = name.startsWith("tablet-") ? "tablet" : name;
    ClassDataSharing.Plan cds = ClassDataSharing.plan(cacheDir, kind, classpath);
    List<String> command =
        JvmCommand.build(
            classpath, exitWithParentJar, dirs, name, heap, cds.jvmOptions(), mainClass, args);
    return new ServerProcess(name, command, dirs.outFile(name), dirs.logFile(name), cds);
  }

  private void launch(ServerProcess process) {
    if (closing) {
      throw new FlussClusterException("cluster closed while starting " + process.name());
    }
    process.start();
    LOG.debug("launched {}: {}", process, String.join(" ", process.command()));
  }

  /** Waits until every listener of {@code servers} accepts connections. */
  private void awaitListening(
      StartupWaiter waiter, List<ServerProcess> servers, List<ServerProcess> watched) {
    for (ServerProcess server : servers) {
      ServerPorts ports = server == coordinator ? coordinatorPorts : portsOf(idOf(server));
      for (int port : ports.all()) {
        waiter.awaitPort(server.name(), HOST, port, watched);
      }
    }
  }

  /**
   * Waits until the coordinator lists tablet server {@code id} and the tablet server itself has
   * received the cluster metadata that lists it. The second check matters after a restart: the
   * coordinator may still list a killed server's stale registration, but only a registered server
   * gets metadata pushed to it.
   */
  private void awaitRegistered(StartupWaiter waiter, int id, List<ServerProcess> watched) {
    int coordinatorProbePort = coordinatorPorts.plaintextPort();
    waiter.await(
        "coordinator to report tablet server " + id,
        watched,
        () ->
            MetadataProbe.tabletServerIds(HOST, coordinatorProbePort, probeTimeout(waiter))
                .contains(id));
    int tabletProbePort = portsOf(id).plaintextPort();
    waiter.await(
        "tablet server " + id + " to receive cluster metadata",
        watched,
        () ->
            MetadataProbe.tabletServerIds(HOST, tabletProbePort, probeTimeout(waiter))
                .contains(id));
  }

  private static Duration probeTimeout(StartupWaiter waiter) {
    Duration remaining = waiter.remaining();
    Duration max = Duration.ofSeconds(5);
    return remaining.compareTo(max) < 0 ? remaining.plusMillis(1) : max;
  }

  private StartupWaiter newWaiter() {
    return new StartupWaiter(settings.startupTimeout, () -> closing);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // shutdown

  /**
   * Stops tablet servers (in parallel), then the coordinator, then ZooKeeper: tablet servers
   * deregister through the coordinator and everything needs ZooKeeper while it shuts down. Safe to
   * call from the shutdown hook while another thread is inside a synchronized method.
   */
  private void stopAllProcesses() {
    List<ServerProcess> tablets = new ArrayList<>(tabletServers.values());
    tablets.forEach(ServerProcess::requestStop);
    tablets.forEach(p -> p.awaitStop(STOP_GRACE));
    ServerProcess coordinatorProcess = coordinator;
    if (coordinatorProcess != null) {
      coordinatorProcess.stop(STOP_GRACE);
    }
    ServerProcess zooKeeperProcess = zooKeeper;
    if (zooKeeperProcess != null) {
      zooKeeperProcess.stop(STOP_GRACE);
    }
  }

  private void deleteWorkDir() {
    WorkDirLayout dirs = layout;
    if (dirs == null) {
      return;
    }
    if (Boolean.getBoolean(KEEP_DIR_PROPERTY)) {
      LOG.info("keeping Fluss cluster work dir {} ({}=true)", dirs.root(), KEEP_DIR_PROPERTY);
    } else if (!dirs.delete()) {
      LOG.warn("could not delete Fluss cluster work dir {}", dirs.root());
    }
  }

  private void registerShutdownHook() {
    Thread hook =
        new Thread(
            () -> {
              closing = true;
              // No lock: the main thread may hold it inside start(); stopping processes is
              // thread-safe.
              stopAllProcesses();
              deleteWorkDir();
            },
            "fluss-testkit-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    shutdownHook = hook;
  }

  private void removeShutdownHook() {
    Thread hook = shutdownHook;
    shutdownHook = null;
    if (hook == null || Thread.currentThread() == hook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook will (or did) run; nothing to undo.
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  private List<ServerProcess> allProcesses() {
    List<ServerProcess> all = new ArrayList<>();
    if (zooKeeper != null) {
      all.add(zooKeeper);
    }
    if (coordinator != null) {
      all.add(coordinator);
    }
    all.addAll(tabletServers.values());
    return all;
  }

  private void requireRunning() {
    if (state != State.RUNNING) {
      throw new IllegalStateException(
          "Fluss cluster is " + (state == State.NEW ? "not started" : "closed"));
    }
  }

  private ServerProcess tabletServer(int id) {
    ServerProcess server = tabletServers.get(id);
    if (server == null) {
      throw new IllegalArgumentException(
          "no tablet server " + id + "; ids are 0.." + (settings.tabletServers - 1));
    }
    return server;
  }

  private ServerPorts portsOf(int id) {
    ServerPorts ports = tabletServerPorts.get(id);
    if (ports == null) {
      throw new IllegalArgumentException(
          "no tablet server " + id + "; ids are 0.." + (settings.tabletServers - 1));
    }
    return ports;
  }

  private int idOf(ServerProcess server) {
    return tabletServers.entrySet().stream()
        .filter(e -> e.getValue() == server)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown process " + server));
  }

  /** Immutable snapshot of the builder. */
  private static final class Settings {
    final int tabletServers;
    final int defaultBuckets;
    final int replicationFactor;
    final Map<String, String> serverConfig;
    final Map<String, String> saslUsers;
    final boolean faultProxies;
    final Duration startupTimeout;
    final String zooKeeperHeap;
    final String coordinatorHeap;
    final String tabletServerHeap;
    final List<Path> extraServerJars;

    Settings(Builder b) {
      tabletServers = b.tabletServers;
      defaultBuckets = b.defaultBuckets;
      replicationFactor = b.replicationFactor;
      serverConfig = Collections.unmodifiableMap(new LinkedHashMap<>(b.serverConfig));
      saslUsers = Collections.unmodifiableMap(new LinkedHashMap<>(b.saslUsers));
      faultProxies = b.faultProxies;
      startupTimeout = b.startupTimeout;
      zooKeeperHeap = b.zooKeeperHeap;
      coordinatorHeap = b.coordinatorHeap;
      tabletServerHeap = b.tabletServerHeap;
      extraServerJars = List.copyOf(b.extraServerJars);
    }
  }

  /** Configures a {@link FlussCluster}; every setting has a test-friendly default. */
  public static final class Builder {

    private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kKmMgG]?");

    private int tabletServers = 1;
    private int defaultBuckets = 1;
    private int replicationFactor = 1;
    private final Map<String, String> serverConfig = new LinkedHashMap<>();
    private final Map<String, String> saslUsers = new LinkedHashMap<>();
    private boolean faultProxies;
    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
    private String zooKeeperHeap = DEFAULT_ZOOKEEPER_HEAP;
    private String coordinatorHeap = DEFAULT_COORDINATOR_HEAP;
    private String tabletServerHeap = DEFAULT_TABLET_SERVER_HEAP;
    private final List<Path> extraServerJars = new ArrayList<>();

    private Builder() {}

    /** Number of tablet servers, with ids 0..n-1. Defaults to 1. */
    public Builder tabletServers(int count) {
      tabletServers = requirePositive(count, "tabletServers");
      return this;
    }

    /** {@code default.bucket.number} for tables created without a bucket count. Defaults to 1. */
    public Builder defaultBuckets(int buckets) {
      defaultBuckets = requirePositive(buckets, "defaultBuckets");
      return this;
    }

    /** {@code default.replication.factor}; at most the number of tablet servers. Defaults to 1. */
    public Builder replicationFactor(int factor) {
      replicationFactor = requirePositive(factor, "replicationFactor");
      return this;
    }

    /**
     * Adds a {@code server.yaml} entry for every server; overrides the test kit's own value for
     * that key.
     */
    public Builder serverConfig(String key, String value) {
      serverConfig.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds several {@code server.yaml} entries, see {@link #serverConfig(String, String)}. */
    public Builder serverConfig(Map<String, String> entries) {
      entries.forEach(this::serverConfig);
      return this;
    }

    /**
     * Tiers log segments to {@code dir} (a local or shared directory, {@code remote.data.dir})
     * instead of {@code <workDir>/remote}, which every cluster tiers to by default. The directory
     * is not deleted at close.
     */
    public Builder remoteStorage(Path dir) {
      return serverConfig(REMOTE_DATA_DIR_KEY, dir.toAbsolutePath().toString());
    }

    /**
     * Makes tablet servers tier log segments within seconds, for tests of tiered reads: 1 MB
     * segments ({@code log.segment.file-size}), a tiering task every second ({@code
     * remote.log.task-interval-duration}) and a KV snapshot every second ({@code
     * kv.snapshot.interval}: a primary-key table's changelog is deleted locally only up to its last
     * snapshot). Create the tables with {@link FlussCluster#FAST_TIERING_TABLE_PROPERTIES} so that
     * their local copies are deleted soon too.
     */
    public Builder fastLogTiering() {
      return fastLogTiering("1mb");
    }

    /**
     * {@link #fastLogTiering()} with segments of {@code segmentSize} (e.g. {@code "256kb"}): the
     * smaller, the fewer rows make a segment.
     */
    public Builder fastLogTiering(String segmentSize) {
      serverConfig("log.segment.file-size", segmentSize);
      serverConfig("kv.snapshot.interval", "1s");
      return serverConfig("remote.log.task-interval-duration", "1s");
    }

    /**
     * Requires SASL/PLAIN on the client listener with these users (name to password). Servers then
     * also get a PLAINTEXT listener {@code INTERNAL} on another port for their own traffic. Names
     * and passwords must be printable ASCII without spaces or {@code , " ; # = \}.
     */
    public Builder sasl(Map<String, String> usersToPasswords) {
      if (usersToPasswords.isEmpty()) {
        throw new IllegalArgumentException("sasl() needs at least one user");
      }
      saslUsers.clear();
      saslUsers.putAll(usersToPasswords);
      return this;
    }

    /**
     * Turns on the servers' authorizer: every request then needs an ACL that allows it, except
     * requests of the super users (user names of {@link #sasl}) and the servers' own traffic. Meant
     * together with {@link #sasl}, so that requests carry a user.
     */
    public Builder authorizer(String... superUsers) {
      if (superUsers.length == 0) {
        throw new IllegalArgumentException("authorizer() needs at least one super user");
      }
      serverConfig("authorizer.enabled", "true");
      // The server reads principals as type:name, separated by semicolons.
      serverConfig(
          "super.users",
          java.util.Arrays.stream(superUsers)
              .map(u -> "User:" + u)
              .collect(java.util.stream.Collectors.joining(";")));
      return this;
    }

    /**
     * Puts a {@link FaultProxy} in front of every server's client listener and advertises the
     * proxies to clients, so that a test can inject network faults between the client and any
     * server ({@link FlussCluster#tabletServerProxy}, {@link FlussCluster#coordinatorProxy}).
     * Servers talk to each other on a second, unproxied listener. Not with {@link #sasl}.
     */
    public Builder faultProxies() {
      faultProxies = true;
      return this;
    }

    /** How long {@link FlussCluster#start()} and restarts may take. Defaults to 90 s. */
    public Builder startupTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive: " + timeout);
      }
      startupTimeout = timeout;
      return this;
    }

    /**
     * Puts these jars on every server JVM's classpath after the server jar: server plugins the fat
     * jar lacks, found by the server through {@code ServiceLoader}, e.g. a lake storage plugin
     * ({@code fluss-lake-paimon}) and its lake's bundle ({@code paimon-bundle}) for a cluster with
     * {@code serverConfig("datalake.format", "paimon")}.
     *
     * @throws IllegalArgumentException if a jar is not a file
     */
    public Builder serverJars(List<Path> jars) {
      for (Path jar : jars) {
        if (!Files.isRegularFile(jar)) {
          throw new IllegalArgumentException("server jar " + jar + " is not a file");
        }
        extraServerJars.add(jar);
      }
      return this;
    }

    /** {@code -Xmx} of the ZooKeeper JVM, e.g. {@code "128m"} (the default). */
    public Builder zooKeeperHeap(String heap) {
      zooKeeperHeap = requireHeap(heap);
      return this;
    }

    /** {@code -Xmx} of the coordinator JVM, e.g. {@code "384m"} (the default). */
    public Builder coordinatorHeap(String heap) {
      coordinatorHeap = requireHeap(heap);
      return this;
    }

    /** {@code -Xmx} of each tablet server JVM, e.g. {@code "768m"} (the default). */
    public Builder tabletServerHeap(String heap) {
      tabletServerHeap = requireHeap(heap);
      return this;
    }

    /** Builds the cluster without starting it; call {@link FlussCluster#start()}. */
    public FlussCluster build() {
      if (replicationFactor > tabletServers) {
        throw new IllegalArgumentException(
            "replicationFactor "
                + replicationFactor
                + " exceeds the "
                + tabletServers
                + " tablet server(s)");
      }
      if (faultProxies && !saslUsers.isEmpty()) {
        throw new IllegalArgumentException("faultProxies() and sasl() cannot be combined yet");
      }
      return new FlussCluster(new Settings(this));
    }

    private static int requirePositive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1: " + value);
      }
      return value;
    }

    private static String requireHeap(String heap) {
      if (heap == null || !HEAP_SIZE.matcher(heap).matches()) {
        throw new IllegalArgumentException("heap size must look like 512m or 1g: " + heap);
      }
      return heap;
    }
  }
}
