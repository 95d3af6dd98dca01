package io.flussjava.client.write.internal;

import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.log.RowCodecs;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.Map;

/** A small PK table and KV write targets for unit tests of the write pipeline (no cluster). */
final class WritePipelineTestSupport {
  private WritePipelineTestSupport() {}

  static TableInfo table() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("v", DataTypes.STRING())
            .primaryKey("id")
            .build();
    return new TableInfo(
        TablePath.of("db", "t"),
        42L,
        3,
        TableDescriptor.builder().schema(schema).distributedBy(2).build(),
        1L,
        1L);
  }

  static WriteTarget kvTarget(int batchSize) {
    TableInfo t = table();
    return new WriteTarget(
        t,
        WriteTarget.Kind.KV,
        null,
        () -> new KvBatchBuilder(RowCodecs.encoder(Map.of(), t.getRowType()), batchSize));
  }
}
