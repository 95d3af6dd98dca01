package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataTypeRoot;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import io.flussjava.types.convert.TypeConverter;
import io.flussjava.types.convert.TypeConverters;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * A user-registered converter lets TIMESTAMP columns take java.util.Date, end to end (the README's
 * example).
 */
class TypeConvertersITCase extends ClientTestBase {

  @Test
  void registeredConverterAcceptsDateForTimestampColumns() {
    TypeConverters converters =
        TypeConverters.builder()
            .register(
                DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
                TypeConverter.input(
                    Date.class,
                    (date, type) -> LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC)))
            .build();
    String db = uniqueName("conv_db");
    TablePath path = TablePath.of(db, "events");
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("at", DataTypes.TIMESTAMP(3))
            .primaryKey("id")
            .build();
    try (Connection custom = Connection.create(clientConf(), converters)) {
      custom.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
      custom
          .getAdmin()
          .createTable(
              path, TableDescriptor.builder().schema(schema).distributedBy(1).build(), false);
      Table table = custom.getTable(path);
      try (UpsertWriter writer = table.newUpsert().createWriter()) {
        writer.upsert(1, new Date(1_700_000_000_123L));
        writer.upsert(2, LocalDateTime.of(2020, 1, 1, 0, 0)); // the canonical class still works
      }
      try (Lookuper lookuper = table.newLookup().createLookuper()) {
        assertThat(lookuper.lookup(1).get(1))
            .isEqualTo(
                LocalDateTime.ofInstant(new Date(1_700_000_000_123L).toInstant(), ZoneOffset.UTC));
        assertThat(lookuper.lookup(2).get(1)).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
      }
    }
    // Without the converter a Date is rejected, naming the column.
    Table plain = connection.getTable(path);
    try (UpsertWriter writer = plain.newUpsert().createWriter()) {
      assertThatThrownBy(() -> writer.upsert(3, new Date()))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("'at'")
          .hasMessageContaining("java.util.Date");
    }
  }
}
