package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.exception.NonPrimaryKeyTableException;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Primary-key tables end to end: upsert, update, delete, partial update, lookups, prefix lookups,
 * changelog.
 */
class PrimaryKeyTableITCase extends ClientTestBase {
  private static String db;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("pk_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  private static Table create(String name, TableDescriptor descriptor) {
    TablePath path = TablePath.of(db, name);
    connection.getAdmin().createTable(path, descriptor, false);
    return connection.getTable(path);
  }

  private static Schema allTypesWithKey() {
    return Schema.newBuilder().fromSchema(ScalarRows.schema()).primaryKey("id").build();
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void everyTypeRoundTripsThroughUpsertAndLookup(KvFormat format) {
    Table table =
        create(
            "all_types_" + format.name().toLowerCase(),
            TableDescriptor.builder()
                .schema(allTypesWithKey())
                .distributedBy(3)
                .kvFormat(format)
                .build());
    int n = 300;
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (Object[] row : ScalarRows.rows(n)) {
        writer.upsert(row);
      }
      writer.flush();
    }
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (int i = 0; i < n; i++) {
        List<Object> row = lookuper.lookup(i);
        assertThat(row).as("key %s", i).isNotNull();
        assertThat(ScalarRows.text(row)).isEqualTo(ScalarRows.text(ScalarRows.row(i)));
      }
      assertThat(lookuper.lookup(n + 1)).isNull();
      List<List<?>> keys = List.of(List.of(5), List.of(n + 7), List.of(0));
      List<List<Object>> all = lookuper.lookupAll(keys);
      assertThat(all).hasSize(3);
      assertThat(all.get(0).get(0)).isEqualTo(5);
      assertThat(all.get(1)).isNull();
      assertThat(all.get(2).get(0)).isEqualTo(0);
    }
  }

  static Stream<Arguments> keyTypes() {
    return Stream.of(
        Arguments.of(DataTypes.INT(), new Object[] {1, -1, Integer.MAX_VALUE}),
        Arguments.of(DataTypes.BIGINT(), new Object[] {1L, Long.MIN_VALUE, 1L << 40}),
        Arguments.of(DataTypes.STRING(), new Object[] {"a", "", "ünïcödé"}),
        Arguments.of(DataTypes.TINYINT(), new Object[] {(byte) 1, (byte) -128, (byte) 127}),
        Arguments.of(DataTypes.SMALLINT(), new Object[] {(short) 1, (short) -2, Short.MAX_VALUE}),
        Arguments.of(DataTypes.BOOLEAN(), new Object[] {true, false}),
        Arguments.of(
            DataTypes.DECIMAL(10, 2),
            new Object[] {new BigDecimal("1.00"), new BigDecimal("-99.99")}),
        Arguments.of(
            DataTypes.DECIMAL(30, 5),
            new Object[] {
              new BigDecimal("1.00000"), new BigDecimal("-12345678901234567890.12345")
            }),
        Arguments.of(
            DataTypes.DATE(), new Object[] {LocalDate.of(2024, 1, 1), LocalDate.of(1, 1, 1)}),
        Arguments.of(DataTypes.TIME(), new Object[] {LocalTime.NOON, LocalTime.MIDNIGHT}),
        Arguments.of(
            DataTypes.TIMESTAMP(3),
            new Object[] {LocalDateTime.of(2024, 1, 1, 1, 1, 1, 1_000_000)}),
        Arguments.of(
            DataTypes.TIMESTAMP(6), new Object[] {LocalDateTime.of(2024, 1, 1, 1, 1, 1, 1_000)}),
        Arguments.of(
            DataTypes.TIMESTAMP_LTZ(3), new Object[] {Instant.ofEpochMilli(1_700_000_000_123L)}),
        Arguments.of(DataTypes.BYTES(), new Object[] {new byte[] {1, 2}, new byte[] {0}}),
        Arguments.of(DataTypes.BINARY(2), new Object[] {new byte[] {1, 2}, new byte[] {0, 0}}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyTypes")
  void eachKeyTypeCanBeUpsertedAndLookedUp(DataType keyType, Object[] keys) {
    String name = "key_" + keyType.asSummaryString().replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
    Schema schema =
        Schema.newBuilder()
            .column("k", keyType)
            .column("v", DataTypes.STRING())
            .primaryKey("k")
            .build();
    Table table = create(name, TableDescriptor.builder().schema(schema).distributedBy(2).build());
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (int i = 0; i < keys.length; i++) {
        writer.upsert(keys[i], "v" + i);
      }
    }
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (int i = 0; i < keys.length; i++) {
        List<Object> row = lookuper.lookup(keys[i]);
        assertThat(row).as("key %s", keys[i]).isNotNull();
        assertThat(row.get(1)).isEqualTo("v" + i);
      }
    }
  }

  @Test
  void updatesOverwriteDeletesRemoveAndTheChangelogShowsIt() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.STRING())
            .column("age", DataTypes.INT())
            .column("active", DataTypes.BOOLEAN())
            .primaryKey("id")
            .build();
    Table table =
        create("users", TableDescriptor.builder().schema(schema).distributedBy(1, "id").build());
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      writer.upsert("1", 20, true);
      writer.upsert("2", 22, true);
      writer.flush();
      writer.upsert("1", 21, false);
      writer.delete("2", null, null);
      writer.flush();
    }
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      assertThat(lookuper.lookup("1")).containsExactly("1", 21, false);
      assertThat(lookuper.lookup("2")).isNull();
    }
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      List<ScanRecord> changes = LogTableITCase.scanAll(scanner, 1, 5);
      List<String> seen = new ArrayList<>();
      for (ScanRecord r : changes) {
        seen.add(r.changeType().shortString() + r.getRow());
      }
      assertThat(seen)
          .containsExactly(
              "+I[1, 20, true]",
              "+I[2, 22, true]",
              "-U[1, 20, true]",
              "+U[1, 21, false]",
              "-D[2, 22, true]");
      assertThat(changes).extracting(ScanRecord::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
      assertThat(changes.get(0).changeType()).isEqualTo(ChangeType.INSERT);
    }
  }

  @Test
  void partialUpdateKeepsTheOtherColumns() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("name", DataTypes.STRING())
            .column("age", DataTypes.INT())
            .column("city", DataTypes.STRING())
            .primaryKey("id")
            .build();
    Table table =
        create("partial", TableDescriptor.builder().schema(schema).distributedBy(1).build());
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      writer.upsert(1, "ann", 30, "Oslo");
    }
    try (UpsertWriter ages = table.newUpsert().partialUpdate("id", "age").createWriter()) {
      ages.upsert(1, null, 31, null);
      ages.upsert(2, null, 40, null);
    }
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      assertThat(lookuper.lookup(1)).containsExactly(1, "ann", 31, "Oslo");
      assertThat(lookuper.lookup(2)).containsExactly(2, null, 40, null);
    }
    assertThatThrownBy(() -> table.newUpsert().partialUpdate("age"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("primary-key column")
        .hasMessageContaining("'id'");
    assertThatThrownBy(() -> table.newUpsert().partialUpdate("id", "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void prefixLookupReturnsExactlyTheMatchingRows() {
    Schema schema =
        Schema.newBuilder()
            .column("user_id", DataTypes.BIGINT())
            .column("item", DataTypes.STRING())
            .column("qty", DataTypes.INT())
            .primaryKey("user_id", "item")
            .build();
    Table table =
        create(
            "carts", TableDescriptor.builder().schema(schema).distributedBy(3, "user_id").build());
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (long u = 0; u < 20; u++) {
        for (int i = 0; i < u % 4; i++) {
          writer.upsert(u, "item-" + i, i);
        }
      }
    }
    try (PrefixLookuper lookuper = table.newLookup().lookupBy("user_id").createLookuper()) {
      for (long u = 0; u < 20; u++) {
        List<List<Object>> rows = lookuper.lookup(u);
        List<String> items = new ArrayList<>();
        for (List<Object> r : rows) {
          assertThat(r.get(0)).isEqualTo(u);
          items.add((String) r.get(1));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < u % 4; i++) {
          expected.add("item-" + i);
        }
        assertThat(items).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
    assertThatThrownBy(() -> table.newLookup().lookupBy("item"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket key [user_id]");
  }

  @Test
  void badInputIsRejectedWithTypedErrors() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("name", DataTypes.STRING())
            .primaryKey("id")
            .build();
    Table table =
        create("bad_pk", TableDescriptor.builder().schema(schema).distributedBy(1).build());
    try (UpsertWriter writer = table.newUpsert().createWriter();
        Lookuper lookuper = table.newLookup().createLookuper()) {
      assertThatThrownBy(() -> writer.upsert(null, "x"))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("'id'");
      assertThatThrownBy(() -> writer.upsert(1))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("expected 2 values");
      assertThatThrownBy(() -> writer.delete(null, null)).isInstanceOf(InvalidRowException.class);
      assertThatThrownBy(() -> lookuper.lookup(1, 2))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("expected 1 value");
      assertThatThrownBy(() -> lookuper.lookup("1"))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("'id'")
          .hasMessageContaining("java.lang.String");
      assertThatThrownBy(() -> lookuper.lookup((Object) null))
          .isInstanceOf(InvalidRowException.class);
    }

    Table log =
        create(
            "a_log",
            TableDescriptor.builder()
                .schema(Schema.newBuilder().column("x", DataTypes.INT()).build())
                .build());
    assertThatThrownBy(() -> log.newUpsert().createWriter())
        .isInstanceOf(NonPrimaryKeyTableException.class)
        .hasMessageContaining("newAppend()");
    assertThatThrownBy(() -> log.newLookup().createLookuper())
        .isInstanceOf(NonPrimaryKeyTableException.class);
  }
}
