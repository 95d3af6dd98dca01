package io.flussjava.client.write.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataField;
import io.flussjava.types.RowType;
import io.flussjava.types.convert.RowConverter;
import io.flussjava.types.convert.TypeConverters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Upserts and deletes by primary key: validate and convert the row, find its partition (partitioned
 * tables), encode its key (the primary key minus partition columns), pick its bucket, hand it to
 * the shared pipeline as a KV record (a delete carries only the key).
 */
public final class UpsertWriterImpl implements UpsertWriter {
  private final WriterCore core;
  private final RowConverter upsertConverter;
  private final RowConverter deleteConverter;

  public UpsertWriterImpl(
      WriterClient client, TableInfo table, int[] targetColumns, TypeConverters converters) {
    this.core =
        new WriterCore(
            client,
            client.kvTarget(table, targetColumns),
            table,
            "this UpsertWriter of " + table.getTablePath());
    RowType rowType = table.getRowType();
    this.upsertConverter =
        new RowConverter(
            targetColumns == null ? rowType : onlyKeysRequired(table, targetColumns), converters);
    this.deleteConverter = new RowConverter(onlyKeysRequired(table, new int[0]), converters);
  }

  /**
   * The row type with every column nullable except the primary key and {@code required} columns: a
   * delete needs only the key, a partial update only the key and its target columns.
   */
  private static RowType onlyKeysRequired(TableInfo table, int[] required) {
    List<String> keys = table.getPrimaryKeys();
    List<DataField> fields = new ArrayList<>();
    List<DataField> original = table.getRowType().getFields();
    for (int i = 0; i < original.size(); i++) {
      DataField f = original.get(i);
      boolean keep = keys.contains(f.getName()) || contains(required, i);
      fields.add(keep ? f : f.withType(f.getType().nullable()));
    }
    return new RowType(fields);
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  @Override
  public CompletableFuture<WriteResult> upsert(Object... values) {
    core.checkOpen();
    // The row is encoded into its batch before upsert returns, so the caller's own array can be
    // used as it is.
    return write(ChangeType.UPDATE_AFTER, upsertConverter.toCanonicalOrSame(values));
  }

  @Override
  public CompletableFuture<WriteResult> upsert(List<?> values) {
    core.checkOpen();
    return write(ChangeType.UPDATE_AFTER, upsertConverter.toCanonical(values));
  }

  @Override
  public CompletableFuture<WriteResult> delete(Object... values) {
    core.checkOpen();
    return write(ChangeType.DELETE, deleteConverter.toCanonicalOrSame(values));
  }

  @Override
  public CompletableFuture<WriteResult> delete(List<?> values) {
    core.checkOpen();
    return write(ChangeType.DELETE, deleteConverter.toCanonical(values));
  }

  private CompletableFuture<WriteResult> write(ChangeType type, Object[] row) {
    return core.write(type, row, true);
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
