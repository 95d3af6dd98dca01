package io.flussjava.client.write.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.log.ChangeType;
import io.flussjava.types.convert.RowConverter;
import io.flussjava.types.convert.TypeConverters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Appends to a log table: validate and convert the row, find its partition (partitioned tables), pick its bucket,
 * hand it to the shared pipeline.
 */
public final class AppendWriterImpl implements AppendWriter {
  private final WriterClient client;
  private final WriteTarget target;
  private final RowConverter converter;
  private final RowRouter router;
  private final long tableId;
  private final RowPartitioner partitioner;
  private final ArrowRootRows arrowRows;

  public AppendWriterImpl(WriterClient client, TableInfo table, TypeConverters converters) {
    this.client = client;
    this.target = client.logTarget(table);
    this.converter = new RowConverter(table.getRowType(), converters);
    this.router = new RowRouter(table);
    this.tableId = table.getTableId();
    this.partitioner = client.partitionerFor(table);
    this.arrowRows = new ArrowRootRows(table.getTablePath().toString(), table.getRowType(), converter);
  }

  @Override
  public CompletableFuture<WriteResult> append(Object... values) {
    // The row is encoded into its batch before append returns, so the caller's own array can be used as it is.
    return write(converter.toCanonicalOrSame(values));
  }

  @Override
  public CompletableFuture<WriteResult> append(List<?> values) {
    return write(converter.toCanonical(values));
  }

  @Override
  public CompletableFuture<List<WriteResult>> appendBatch(VectorSchemaRoot root) {
    if (root == null) {
      throw new IllegalArgumentException("appendBatch: the VectorSchemaRoot must not be null");
    }
    // Reading every row first keeps the batch all-or-nothing on bad input and frees the root at return.
    List<Object[]> rows = arrowRows.read(root);
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      futures.add(write(row));
    }
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<WriteResult> write(Object[] row) {
    long partitionId = partitioner == null ? TableBucket.NO_PARTITION : partitioner.partitionIdOf(row);
    int bucket = router.bucketOf(row, null, target.stickyBucket());
    return client.write(
        target, new TableBucket(tableId, partitionId, bucket), ChangeType.APPEND_ONLY, row, null);
  }

  @Override
  public void flush() {
    client.flush(target);
  }

  @Override
  public void close() {
    flush();
  }
}
