package io.flussjava.client.lookup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.SchemaInfo;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.metadata.SchemaCache;
import io.flussjava.client.metadata.SchemaVersions;
import io.flussjava.log.RowCodecs;
import io.flussjava.types.Schema;
import io.flussjava.types.codec.ByteArrayOutput;
import io.flussjava.types.convert.TypeConverters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Values of other schema versions: loaded without blocking, then decoded into the reader's. */
class KeyedRowsSchemaTest {
  private static final Schema V1 = SchemaVersions.V1;
  private static final Schema V2 = SchemaVersions.V2;

  private final Map<Integer, CompletableFuture<SchemaInfo>> loads = new HashMap<>();
  private final SchemaCache cache =
      new SchemaCache((path, id) -> loads.computeIfAbsent(id, k -> new CompletableFuture<>()));

  private static TableInfo table(Schema schema, int schemaId, KvFormat format) {
    return new TableInfo(
        TablePath.of("db", "t"),
        7L,
        schemaId,
        TableDescriptor.builder().schema(schema).distributedBy(1).kvFormat(format).build(),
        1L,
        1L);
  }

  private static byte[] value(TableInfo table, Schema schema, int schemaId, Object... row) {
    ByteArrayOutput out = new ByteArrayOutput(32);
    out.writeShortLE((short) schemaId);
    RowCodecs.encoder(table.getProperties(), schema.getRowType()).write(row, out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void anOlderValueIsDecodedOnceItsSchemaIsLoaded(KvFormat format) {
    TableInfo table = table(V2, 2, format);
    KeyedRows rows = new KeyedRows(table, List.of("id"), false, TypeConverters.defaults(), cache);
    byte[] old = value(table, V1, 1, 1, "a");

    CompletableFuture<byte[]> ready = rows.withSchema(old);
    assertThat(ready).isNotDone();
    loads.get(1).complete(new SchemaInfo(V1, 1));
    assertThat(ready).isCompleted();
    assertThat(rows.decode(ready.join())).containsExactly(1, "a", null);

    byte[] fresh = value(table, V2, 2, 2, "b", "b@x");
    assertThat(rows.withSchema(fresh)).isCompleted();
    assertThat(rows.decode(fresh)).containsExactly(2, "b", "b@x");
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void aLookuperMadeBeforeTheChangeDropsTheNewColumn(KvFormat format) {
    TableInfo table = table(V1, 1, format);
    cache.put(7L, 2, V2);
    KeyedRows rows = new KeyedRows(table, List.of("id"), false, TypeConverters.defaults(), cache);
    List<byte[]> values = new ArrayList<>();
    values.add(value(table, V1, 1, 1, "a"));
    values.add(value(table, V2, 2, 2, "b", "b@x"));
    values.add(null);

    List<byte[]> ready = rows.withSchemas(values).join();
    List<List<Object>> decoded = new ArrayList<>();
    ready.forEach(v -> decoded.add(rows.decode(v)));
    assertThat(decoded).containsExactly(List.of(1, "a"), List.of(2, "b"), null);
    assertThat(loads).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void aValueOfTheOwnSchemaNeedsNoLoad(KvFormat format) {
    TableInfo table = table(V2, 2, format);
    KeyedRows rows = new KeyedRows(table, List.of("id"), false, TypeConverters.defaults(), cache);
    byte[] v = value(table, V2, 2, 1, "a", null);
    assertThat(rows.withSchema(v)).isCompleted();
    assertThat(rows.decode(v)).isEqualTo(Arrays.asList(1, "a", null));
    assertThat(loads).isEmpty();
  }
}
