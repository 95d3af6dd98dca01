package io.flussjava.client.write.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.UnsupportedTablePropertyException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import io.flussjava.types.codec.BucketingFunction;
import io.flussjava.types.codec.PaimonKeyEncoder;
import org.junit.jupiter.api.Test;

class RowRouterTest {
  private static final Schema LOG =
      Schema.newBuilder().column("k", DataTypes.STRING()).column("v", DataTypes.INT()).build();

  private static TableInfo logTable(String lake) {
    return new TableInfo(
        TablePath.of("db", "t"),
        1L,
        1,
        TableDescriptor.builder()
            .schema(LOG)
            .distributedBy(8, "k")
            .property("table.datalake.format", lake)
            .build(),
        1L,
        1L);
  }

  @Test
  void appendsToAPaimonTableBucketByThePaimonKey() {
    RowRouter router = new RowRouter(logTable("paimon"));
    for (String k : new String[] {"a", "key-7", "ünï"}) {
      Object[] row = {k, 1};
      byte[] key = new PaimonKeyEncoder(LOG.getRowType(), new int[] {0}).encodeKey(row);
      assertThat(router.bucketOf(row, null, -1))
          .isEqualTo(BucketingFunction.PAIMON.bucketFor(key, 8));
    }
  }

  /** A writer is refused when it is created, not when its first row is routed. */
  @Test
  void anUnknownLakeFormatFailsTheWriterAtCreation() {
    assertThatThrownBy(() -> new RowRouter(logTable("hudi")))
        .isInstanceOf(UnsupportedTablePropertyException.class)
        .hasMessageContaining("table.datalake.format='hudi'");
  }
}
