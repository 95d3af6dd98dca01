package io.flussjava.client.write.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.MetadataLeaderRouter;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.write.WriteResult;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.InvalidConfigException;
import io.flussjava.log.ChangeType;
import io.flussjava.log.LogFormatCodec;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogWriteContext;
import io.flussjava.log.RowCodecs;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.ServerNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write machinery one connection shares among all its writers: the accumulator with its memory
 * budget, the sender thread, the writer id and the Arrow allocator batch builders draw from.
 * Created on the first writer and closed with the connection.
 */
public final class WriterClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterClient.class);

  private final RecordAccumulator accumulator;
  private final Sender sender;
  private final Thread senderThread;
  private final WriterIdentity identity;
  private final BufferAllocator allocator;
  private final int batchSize;
  // One target per table, write kind and target columns, shared by the writers using it; guarded by
  // this.
  private final Map<TargetKey, WriteTarget> targets = new HashMap<>();
  private final ConnectionState state;
  private int nextServer; // only the sender thread reads and bumps it
  private final MetadataCache metadata;
  private final BiFunction<TablePath, PartitionSpec, CompletableFuture<Void>> partitionCreator;
  private final boolean dynamicCreatePartition;
  private final Duration requestTimeout;

  /**
   * @param partitionCreator creates a partition, ignoring one that exists (for dynamic partition
   *     creation)
   */
  public WriterClient(
      Configuration conf,
      MetadataCache metadata,
      ConnectionState state,
      BiFunction<TablePath, PartitionSpec, CompletableFuture<Void>> partitionCreator) {
    this.metadata = metadata;
    this.state = state;
    this.partitionCreator = partitionCreator;
    this.dynamicCreatePartition = conf.get(ClientOptions.WRITER_DYNAMIC_CREATE_PARTITION);
    this.requestTimeout = conf.get(ClientOptions.REQUEST_TIMEOUT);
    String acksText = conf.get(ClientOptions.WRITER_ACKS);
    int acks = acksText.equals("all") ? -1 : Integer.parseInt(acksText);
    boolean idempotent = conf.get(ClientOptions.WRITER_ENABLE_IDEMPOTENCE);
    if (idempotent && acks != -1) {
      throw new InvalidConfigException(
          "client.writer.enable-idempotence=true needs client.writer.acks=all (got "
              + acksText
              + "): set acks to all or disable idempotence.");
    }
    this.batchSize = conf.get(ClientOptions.WRITER_BATCH_SIZE).getBytesAsInt();
    long bufferMemory = conf.get(ClientOptions.WRITER_BUFFER_MEMORY).getBytes();
    Duration delivery = conf.get(ClientOptions.WRITER_DELIVERY_TIMEOUT);
    this.accumulator =
        new RecordAccumulator(
            Clock.SYSTEM,
            bufferMemory,
            batchSize,
            conf.get(ClientOptions.WRITER_BATCH_TIMEOUT).toNanos(),
            delivery.toNanos(),
            conf.get(ClientOptions.WRITER_BUFFER_WAIT_TIMEOUT).toNanos(),
            conf.get(ClientOptions.WRITER_MAX_INFLIGHT_PER_BUCKET));
    this.identity =
        new WriterIdentity(
            idempotent,
            this::nextTabletServer,
            Clock.SYSTEM,
            // A server that does not answer must not hold up every writer for a whole request
            // timeout.
            min(conf.get(ClientOptions.REQUEST_TIMEOUT), Duration.ofSeconds(10)));
    this.sender =
        new Sender(
            accumulator,
            new MetadataLeaderRouter(metadata),
            identity,
            Clock.SYSTEM,
            RetryPolicy.from(conf),
            acks,
            conf.get(ClientOptions.REQUEST_TIMEOUT),
            conf.get(ClientOptions.WRITER_RETRIES),
            conf.get(ClientOptions.WRITER_REQUEST_MAX_SIZE).getBytes());
    // Arrow vectors live outside the heap; bound them too (batches in flight plus builders kept for
    // reuse).
    this.allocator = new RootAllocator(bufferMemory * 2 + 64L * 1024 * 1024);
    String clientId = conf.get(ClientOptions.CLIENT_ID);
    this.senderThread =
        new Thread(sender, "fluss-writer-sender" + (clientId.isEmpty() ? "" : " | " + clientId));
    senderThread.setDaemon(true);
    senderThread.start();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The tablet servers in turn (for InitWriter), or {@code null} after asking for them when none is
   * known.
   */
  private ServerConnection nextTabletServer() {
    List<ServerNode> servers = List.copyOf(metadata.nodes().tabletServers());
    if (servers.isEmpty()) {
      metadata.refreshNodes();
      return null;
    }
    return metadata.tabletServer(servers.get(Math.floorMod(nextServer++, servers.size())).id());
  }

  /**
   * The target of an append writer: log batches in the table's log format. Give it back with {@link
   * #release}.
   */
  WriteTarget logTarget(TableInfo table) {
    return acquire(
        table,
        WriteTarget.Kind.LOG,
        null,
        () -> {
          LogFormatCodec codec = LogFormats.forTable(table.getProperties());
          LogWriteContext context =
              new LogWriteContext(table.getRowType(), table.getProperties(), batchSize, allocator);
          return () -> new LogBatchBuilder(codec.createWriter(context));
        });
  }

  /**
   * The target of an upsert writer: KV batches, optionally for a subset of columns. Give it back
   * with {@link #release}.
   */
  WriteTarget kvTarget(TableInfo table, int[] targetColumns) {
    return acquire(
        table,
        WriteTarget.Kind.KV,
        targetColumns,
        () ->
            () ->
                new KvBatchBuilder(
                    RowCodecs.encoder(table.getProperties(), table.getRowType()), batchSize));
  }

  private synchronized WriteTarget acquire(
      TableInfo table,
      WriteTarget.Kind kind,
      int[] targetColumns,
      Supplier<Supplier<RecordBatchBuilder>> builders) {
    state.checkOpen("a new writer of " + table.getTablePath());
    identity.noteTable(table.getTablePath());
    TargetKey key =
        new TargetKey(
            table.getTableId(),
            table.getSchemaId(),
            kind,
            targetColumns == null ? null : Arrays.stream(targetColumns).boxed().toList());
    WriteTarget target =
        targets.computeIfAbsent(
            key, k -> new WriteTarget(table, kind, targetColumns, builders.get()));
    target.users++;
    return target;
  }

  /**
   * A writer is done with its target: the last one out frees the target's pooled builders (those of
   * batches still in flight are freed as they come back), so closed writers leave no memory behind.
   */
  synchronized void release(WriteTarget target) {
    if (--target.users == 0) {
      targets.values().remove(target);
      target.closeBuilders();
    }
  }

  ConnectionState state() {
    return state;
  }

  /**
   * Routes rows of a partitioned table to their partition; {@code null} for unpartitioned tables.
   */
  RowPartitioner partitionerFor(TableInfo table) {
    return table.isPartitioned()
        ? new RowPartitioner(
            table, metadata, dynamicCreatePartition, partitionCreator, requestTimeout)
        : null;
  }

  CompletableFuture<WriteResult> write(
      WriteTarget target,
      FailureLatch writer,
      TableBucket bucket,
      ChangeType type,
      Object[] row,
      byte[] key) {
    return accumulator.append(target, writer, bucket, type, row, key);
  }

  /**
   * Sends everything written to {@code target} so far and waits until it is acknowledged or failed.
   */
  void flush(WriteTarget target) {
    accumulator.flush(target);
  }

  /**
   * Stops the sender at once and fails every record not yet acknowledged with a {@link
   * ClosedException} (writers flush on their own close; a connection's close must not wait for the
   * delivery timeout), then frees the Arrow memory.
   */
  @Override
  public void close() {
    sender.initiateClose(true);
    try {
      senderThread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      targets.values().forEach(WriteTarget::closeBuilders);
      targets.clear();
    }
    try {
      allocator.close();
    } catch (IllegalStateException leak) {
      // Only possible after a forced close left batches behind; report it rather than fail the
      // close.
      LOG.warn("Arrow memory still held by unfinished batches at close: {}", leak.getMessage());
    }
  }

  /** Writers of one table, write kind and set of target columns share a target. */
  private record TargetKey(
      long tableId, int schemaId, WriteTarget.Kind kind, List<Integer> targetColumns) {}
}
