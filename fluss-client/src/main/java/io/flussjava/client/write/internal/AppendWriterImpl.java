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
 * Appends to a log table: validate and convert the row, find its partition (partitioned tables),
 * pick its bucket, hand it to the shared pipeline.
 */
public final class AppendWriterImpl implements AppendWriter {
  private final WriterCore core;
  private final RowConverter converter;
  private final ArrowRootRows arrowRows;

  public AppendWriterImpl(WriterClient client, TableInfo table, TypeConverters converters) {
    this.core =
        new WriterCore(
            client, client.logTarget(table), table, "this AppendWriter of " + table.getTablePath());
    this.converter = new RowConverter(table.getRowType(), converters);
    this.arrowRows =
        new ArrowRootRows(table.getTablePath().toString(), table.getRowType(), converter);
  }

  @Override
  public CompletableFuture<WriteResult> append(Object... values) {
    core.checkOpen();
    // The row is encoded into its batch before append returns, so the caller's own array can be
    // used as it is.
    return write(converter.toCanonicalOrSame(values));
  }

  @Override
  public CompletableFuture<WriteResult> append(List<?> values) {
    core.checkOpen();
    return write(converter.toCanonical(values));
  }

  @Override
  public CompletableFuture<List<WriteResult>> appendBatch(VectorSchemaRoot root) {
    core.checkOpen();
    if (root == null) {
      throw new IllegalArgumentException("appendBatch: the VectorSchemaRoot must not be null");
    }
    // Reading every row first keeps the batch all-or-nothing on bad input and frees the root at
    // return.
    List<Object[]> rows = arrowRows.read(root);
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      futures.add(write(row));
    }
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<WriteResult> write(Object[] row) {
    return core.write(ChangeType.APPEND_ONLY, row, false);
  }

  @Override
  public void flush() {
    core.flush();
  }

  @Override
  public void close() {
    core.close();
  }
}
