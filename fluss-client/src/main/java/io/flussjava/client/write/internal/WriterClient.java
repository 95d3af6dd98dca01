package io.flussjava.client.write.internal;

import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.write.WriteResult;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.InvalidConfigException;
import io.flussjava.log.ChangeType;
import io.flussjava.log.LogFormatCodec;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogWriteContext;
import io.flussjava.log.RowCodecs;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write machinery one connection shares among all its writers: the accumulator with its memory budget, the
 * sender thread, the writer id and the Arrow allocator batch builders draw from. Created on the first writer and
 * closed with the connection.
 */
public final class WriterClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterClient.class);

  private final RecordAccumulator accumulator;
  private final Sender sender;
  private final Thread senderThread;
  private final WriterIdentity identity;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final Duration closeTimeout;
  private final Set<WriteTarget> targets = ConcurrentHashMap.newKeySet();
  private final MetadataCache metadata;
  private final BiFunction<TablePath, PartitionSpec, CompletableFuture<Void>> partitionCreator;
  private final boolean dynamicCreatePartition;
  private final Duration requestTimeout;

  /**
   * @param partitionCreator creates a partition, ignoring one that exists (for dynamic partition creation)
   */
  public WriterClient(
      Configuration conf,
      MetadataCache metadata,
      BiFunction<TablePath, PartitionSpec, CompletableFuture<Void>> partitionCreator) {
    this.metadata = metadata;
    this.partitionCreator = partitionCreator;
    this.dynamicCreatePartition = conf.get(ClientOptions.WRITER_DYNAMIC_CREATE_PARTITION);
    this.requestTimeout = conf.get(ClientOptions.REQUEST_TIMEOUT);
    String acksText = conf.get(ClientOptions.WRITER_ACKS);
    int acks = acksText.equals("all") ? -1 : Integer.parseInt(acksText);
    boolean idempotent = conf.get(ClientOptions.WRITER_ENABLE_IDEMPOTENCE);
    if (idempotent && acks != -1) {
      throw new InvalidConfigException(
          "client.writer.enable-idempotence=true needs client.writer.acks=all (got " + acksText
              + "): set acks to all or disable idempotence.");
    }
    this.batchSize = conf.get(ClientOptions.WRITER_BATCH_SIZE).getBytesAsInt();
    long bufferMemory = conf.get(ClientOptions.WRITER_BUFFER_MEMORY).getBytes();
    Duration delivery = conf.get(ClientOptions.WRITER_DELIVERY_TIMEOUT);
    this.closeTimeout = delivery;
    this.accumulator =
        new RecordAccumulator(
            bufferMemory,
            batchSize,
            conf.get(ClientOptions.WRITER_BATCH_TIMEOUT).toNanos(),
            delivery.toNanos(),
            conf.get(ClientOptions.WRITER_BUFFER_WAIT_TIMEOUT).toNanos(),
            conf.get(ClientOptions.WRITER_MAX_INFLIGHT_PER_BUCKET));
    this.identity = new WriterIdentity(idempotent, metadata);
    this.sender =
        new Sender(
            accumulator,
            metadata,
            identity,
            acks,
            conf.get(ClientOptions.REQUEST_TIMEOUT),
            conf.get(ClientOptions.WRITER_RETRIES),
            conf.get(ClientOptions.RETRY_BACKOFF),
            conf.get(ClientOptions.RETRY_BACKOFF_MAX),
            conf.get(ClientOptions.WRITER_REQUEST_MAX_SIZE).getBytes());
    // Arrow vectors live outside the heap; bound them too (batches in flight plus builders kept for reuse).
    this.allocator = new RootAllocator(bufferMemory * 2 + 64L * 1024 * 1024);
    String clientId = conf.get(ClientOptions.CLIENT_ID);
    this.senderThread = new Thread(sender, "fluss-writer-sender" + (clientId.isEmpty() ? "" : " | " + clientId));
    senderThread.setDaemon(true);
    senderThread.start();
  }

  /** The target of an append writer: log batches in the table's log format. */
  WriteTarget logTarget(TableInfo table) {
    identity.noteTable(table.getTablePath());
    LogFormatCodec codec = LogFormats.forTable(table.getProperties());
    LogWriteContext context = new LogWriteContext(table.getRowType(), table.getProperties(), batchSize, allocator);
    return register(
        new WriteTarget(table, WriteTarget.Kind.LOG, null, () -> new LogBatchBuilder(codec.createWriter(context))));
  }

  /** The target of an upsert writer: KV batches, optionally for a subset of columns. */
  WriteTarget kvTarget(TableInfo table, int[] targetColumns) {
    identity.noteTable(table.getTablePath());
    return register(
        new WriteTarget(
            table,
            WriteTarget.Kind.KV,
            targetColumns,
            () -> new KvBatchBuilder(RowCodecs.encoder(table.getProperties(), table.getRowType()), batchSize)));
  }

  /** Routes rows of a partitioned table to their partition; {@code null} for unpartitioned tables. */
  RowPartitioner partitionerFor(TableInfo table) {
    return table.isPartitioned()
        ? new RowPartitioner(table, metadata, dynamicCreatePartition, partitionCreator, requestTimeout)
        : null;
  }

  private WriteTarget register(WriteTarget target) {
    targets.add(target);
    return target;
  }

  CompletableFuture<WriteResult> write(
      WriteTarget target, TableBucket bucket, ChangeType type, Object[] row, byte[] key) {
    return accumulator.append(target, bucket, type, row, key);
  }

  /**
   * Sends everything written so far and waits until it is acknowledged; rethrows the first failure of a batch of
   * {@code target} (each record's own future tells exactly which ones failed).
   */
  void flush(WriteTarget target) {
    Throwable failure = accumulator.flush(target);
    if (failure != null) {
      throw Futures.rethrow(failure);
    }
  }

  /** Sends what is left (up to the delivery timeout), then stops the sender and frees the Arrow memory. */
  @Override
  public void close() {
    sender.initiateClose(false);
    try {
      senderThread.join(closeTimeout.toMillis());
      if (senderThread.isAlive()) {
        sender.initiateClose(true);
        senderThread.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sender.initiateClose(true);
    }
    targets.forEach(WriteTarget::closeBuilders);
    try {
      allocator.close();
    } catch (IllegalStateException leak) {
      // Only possible after a forced close left batches behind; report it rather than fail the close.
      LOG.warn("Arrow memory still held by unfinished batches at close: {}", leak.getMessage());
    }
  }
}
