package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.DatabaseInfo;
import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.DatabaseAlreadyExistException;
import io.flussjava.exception.DatabaseNotEmptyException;
import io.flussjava.exception.DatabaseNotExistException;
import io.flussjava.exception.InvalidConfigException;
import io.flussjava.exception.TableAlreadyExistException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Database and table administration against the real cluster. */
class AdminITCase extends ClientTestBase {

  private static Schema logSchema() {
    return Schema.newBuilder()
        .column("id", DataTypes.BIGINT())
        .column("name", DataTypes.STRING(), "user name")
        .column("score", DataTypes.DOUBLE())
        .build();
  }

  @Test
  void createsListsDescribesAndDropsDatabases() {
    Admin admin = connection.getAdmin();
    String db = uniqueName("admin_db");
    DatabaseDescriptor descriptor =
        DatabaseDescriptor.builder()
            .comment("a test database")
            .customProperty("owner", "data-team")
            .build();

    assertThat(admin.databaseExists(db)).isFalse();
    admin.createDatabase(db, descriptor, false);

    assertThat(admin.databaseExists(db)).isTrue();
    assertThat(admin.listDatabases()).contains(db);
    DatabaseInfo info = admin.getDatabaseInfo(db);
    assertThat(info.getDatabaseName()).isEqualTo(db);
    assertThat(info.getDescriptor().getComment()).contains("a test database");
    assertThat(info.getDescriptor().getCustomProperties()).containsEntry("owner", "data-team");
    assertThat(info.getCreatedTime()).isPositive().isLessThanOrEqualTo(System.currentTimeMillis());

    admin.dropDatabase(db, false, false);
    assertThat(admin.databaseExists(db)).isFalse();
    assertThat(admin.listDatabases()).doesNotContain(db);
  }

  @Test
  void databaseErrorsAreTyped() {
    Admin admin = connection.getAdmin();
    String db = uniqueName("admin_dup");
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, false);

    assertThatThrownBy(() -> admin.createDatabase(db, DatabaseDescriptor.EMPTY, false))
        .isInstanceOf(DatabaseAlreadyExistException.class)
        .hasMessageContaining("DATABASE_ALREADY_EXIST")
        .hasMessageContaining(db);
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, true); // ignoreIfExists: no error

    String missing = uniqueName("admin_missing");
    assertThatThrownBy(() -> admin.getDatabaseInfo(missing))
        .isInstanceOf(DatabaseNotExistException.class);
    assertThatThrownBy(() -> admin.dropDatabase(missing, false, false))
        .isInstanceOf(DatabaseNotExistException.class);
    admin.dropDatabase(missing, true, false); // ignoreIfNotExists: no error
    assertThatThrownBy(() -> admin.listTables(missing))
        .isInstanceOf(DatabaseNotExistException.class);

    // The async twin fails with the same typed exception.
    assertThatThrownBy(() -> admin.createDatabaseAsync(db, DatabaseDescriptor.EMPTY, false).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(DatabaseAlreadyExistException.class);
  }

  @Test
  void createsDescribesAndDropsTables() {
    Admin admin = connection.getAdmin();
    String db = uniqueName("admin_tables");
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, false);
    TablePath path = TablePath.of(db, "events");
    TableDescriptor descriptor =
        TableDescriptor.builder()
            .schema(logSchema())
            .distributedBy(3, "id")
            .logFormat(LogFormat.ARROW)
            .property("table.log.arrow.compression.type", "LZ4_FRAME")
            .customProperty("team", "analytics")
            .comment("click events")
            .build();

    assertThat(admin.tableExists(path)).isFalse();
    admin.createTable(path, descriptor, false);
    assertThat(admin.tableExists(path)).isTrue();
    assertThat(admin.listTables(db)).containsExactly("events");

    TableInfo info = admin.getTableInfo(path);
    assertThat(info.getTablePath()).isEqualTo(path);
    assertThat(info.getTableId()).isNotNegative();
    assertThat(info.getSchemaId()).isNotNegative();
    assertThat(info.getSchema()).isEqualTo(logSchema());
    assertThat(info.getNumBuckets()).isEqualTo(3);
    assertThat(info.getBucketKeys()).containsExactly("id");
    assertThat(info.getPrimaryKeys()).isEmpty();
    assertThat(info.getPartitionKeys()).isEmpty();
    assertThat(info.getProperties()).containsEntry("table.log.arrow.compression.type", "LZ4_FRAME");
    assertThat(info.getLogFormat()).isEqualTo(LogFormat.ARROW);
    assertThat(info.getCustomProperties()).containsEntry("team", "analytics");
    assertThat(info.getComment()).contains("click events");
    assertThat(info.getCreatedTime()).isPositive();

    // The table handle sees the same table.
    Table table = connection.getTable(db + ".events");
    assertThat(table.getTableInfo().getTableId()).isEqualTo(info.getTableId());

    assertThatThrownBy(() -> admin.createTable(path, descriptor, false))
        .isInstanceOf(TableAlreadyExistException.class);
    admin.createTable(path, descriptor, true);

    assertThatThrownBy(() -> admin.dropDatabase(db, false, false))
        .isInstanceOf(DatabaseNotEmptyException.class);

    admin.dropTable(path, false);
    assertThat(admin.tableExists(path)).isFalse();
    assertThatThrownBy(() -> admin.getTableInfo(path)).isInstanceOf(TableNotExistException.class);
    assertThatThrownBy(() -> admin.dropTable(path, false))
        .isInstanceOf(TableNotExistException.class);
    admin.dropTable(path, true);
    assertThatThrownBy(() -> connection.getTable(path)).isInstanceOf(TableNotExistException.class);
  }

  @Test
  void primaryKeyTableDefaultsBucketKeyToPrimaryKey() {
    Admin admin = connection.getAdmin();
    String db = uniqueName("admin_pk");
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, false);
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.STRING())
            .column("age", DataTypes.INT())
            .primaryKey("id")
            .build();
    TablePath path = TablePath.of(db, "users");
    admin.createTable(
        path, TableDescriptor.builder().schema(schema).distributedBy(2).build(), false);

    TableInfo info = admin.getTableInfo(path);
    assertThat(info.hasPrimaryKey()).isTrue();
    assertThat(info.getPrimaryKeys()).containsExactly("id");
    assertThat(info.getBucketKeys()).containsExactly("id");
    assertThat(info.getSchema().getColumns().get(0).getDataType().isNullable()).isFalse();
    assertThat(info.getNumBuckets()).isEqualTo(2);

    // cascade drops the database with its table.
    admin.dropDatabase(db, false, true);
    assertThat(admin.databaseExists(db)).isFalse();
  }

  @Test
  void unknownTablePropertyIsRejectedByTheServer() {
    Admin admin = connection.getAdmin();
    String db = uniqueName("admin_props");
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, false);
    TableDescriptor bad =
        TableDescriptor.builder().schema(logSchema()).property("table.no-such-option", "1").build();
    assertThatThrownBy(() -> admin.createTable(TablePath.of(db, "t"), bad, false))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("INVALID_CONFIG_EXCEPTION");
    assertThat(admin.listTables(db)).isEqualTo(List.of());
  }
}
