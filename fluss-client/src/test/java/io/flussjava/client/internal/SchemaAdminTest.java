package io.flussjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.TableChange;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.InvalidAlterTableException;
import io.flussjava.rpc.protocol.AlterTableRequest;
import io.flussjava.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AlterTable request as a 0.9.1 coordinator reads it. */
class SchemaAdminTest {
  private static final TablePath PATH = TablePath.of("db", "t");

  @Test
  void changesBecomeTheRequestFieldsInOrder() {
    AlterTableRequest r =
        SchemaAdmin.toRequest(
            PATH,
            List.of(
                TableChange.addColumn("email", DataTypes.STRING(), "contact"),
                TableChange.set("owner", "team-a"),
                TableChange.reset("table.datalake.freshness")),
            true);

    assertThat(r.getTablePath().getTableName()).isEqualTo("t");
    assertThat(r.getIgnoreIfNotExists()).isTrue();
    assertThat(r.getAddColumnsList()).hasSize(1);
    assertThat(r.getAddColumns(0).getColumnName()).isEqualTo("email");
    assertThat(r.getAddColumns(0).getComment()).isEqualTo("contact");
    assertThat(r.getAddColumns(0).getColumnPositionType()).isZero(); // LAST
    assertThat(r.getAddColumns(0).getDataTypeJson().toStringUtf8())
        .isEqualTo("{\"type\":\"STRING\"}");
    assertThat(r.getConfigChangesList())
        .extracting(c -> c.getConfigKey() + "/" + c.getOpType() + "/" + c.hasConfigValue())
        .containsExactly("owner/0/true", "table.datalake.freshness/1/false");
    assertThat(r.getDropColumnsCount() + r.getRenameColumnsCount() + r.getModifyColumnsCount())
        .isZero();
  }

  @Test
  void aNotNullColumnIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                SchemaAdmin.toRequest(
                    PATH, List.of(TableChange.addColumn("n", DataTypes.INT().notNull())), false))
        .isInstanceOf(InvalidAlterTableException.class)
        .hasMessageContaining("column n must be nullable");
  }

  @Test
  void noChangesIsAnArgumentError() {
    assertThatThrownBy(() -> SchemaAdmin.toRequest(PATH, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
