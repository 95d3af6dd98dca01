package io.flussjava.client.internal;

import static io.flussjava.client.internal.AdminCalls.toPb;

import com.google.protobuf.ByteString;
import io.flussjava.client.admin.SchemaInfo;
import io.flussjava.client.admin.TableChange;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.InvalidAlterTableException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.AlterTableRequest;
import io.flussjava.rpc.protocol.PbAddColumn;
import io.flussjava.rpc.protocol.PbAlterConfig;
import io.flussjava.types.json.DataTypeJsonCodec;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The schema-evolution part of the admin: reading schema versions and altering tables. */
final class SchemaAdmin {
  // Wire codes of PbAlterConfig.op_type and PbAddColumn.column_position_type (0.9.1).
  private static final int OP_SET = 0;
  private static final int OP_DELETE = 1;
  private static final int POSITION_LAST = 0;

  private final AdminCalls calls;

  SchemaAdmin(AdminCalls calls) {
    this.calls = calls;
  }

  /** The latest schema for a null {@code schemaId}, else that version. */
  CompletableFuture<SchemaInfo> getTableSchema(TablePath tablePath, Integer schemaId) {
    Objects.requireNonNull(tablePath, "tablePath");
    return calls.onCallbackThread(calls.metadata.fetchSchema(tablePath, schemaId));
  }

  CompletableFuture<Void> alterTable(
      TablePath tablePath, List<TableChange> changes, boolean ignoreIfNotExists) {
    Objects.requireNonNull(changes, "changes");
    AlterTableRequest request;
    try {
      request = toRequest(tablePath, changes, ignoreIfNotExists);
    } catch (InvalidAlterTableException e) {
      return Futures.failed(e); // refused like the server refuses: through the future
    }
    // The table's cached info (schema id, properties) is stale once the change is applied.
    return calls
        .call("alterTable(" + tablePath + ")", ApiMethods.ALTER_TABLE, request, r -> (Void) null)
        .whenComplete((v, e) -> calls.metadata.invalidate(tablePath));
  }

  /**
   * Refused here because a 0.9.1 coordinator refuses it with an untyped internal error (an
   * IllegalArgumentException with its stack trace) rather than INVALID_ALTER_TABLE.
   */
  private static void checkNullable(TablePath tablePath, TableChange.AddColumn add) {
    if (!add.type().isNullable()) {
      throw new InvalidAlterTableException(
          "alterTable("
              + tablePath
              + "): column "
              + add.name()
              + " must be nullable: rows written before it was added have no value for it"
              + " (declared "
              + add.type()
              + ")");
    }
  }

  static AlterTableRequest toRequest(
      TablePath tablePath, List<TableChange> changes, boolean ignoreIfNotExists) {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("alterTable(" + tablePath + "): no changes given");
    }
    AlterTableRequest.Builder request =
        AlterTableRequest.newBuilder()
            .setTablePath(toPb(tablePath))
            .setIgnoreIfNotExists(ignoreIfNotExists);
    for (TableChange change : changes) {
      Objects.requireNonNull(change, "change");
      if (change instanceof TableChange.AddColumn add) {
        checkNullable(tablePath, add);
        PbAddColumn.Builder column =
            PbAddColumn.newBuilder()
                .setColumnName(add.name())
                .setDataTypeJson(
                    ByteString.copyFromUtf8(DataTypeJsonCodec.toJson(add.type()).toString()))
                .setColumnPositionType(POSITION_LAST);
        add.getComment().ifPresent(column::setComment);
        request.addAddColumns(column);
      } else if (change instanceof TableChange.SetOption set) {
        request.addConfigChanges(
            PbAlterConfig.newBuilder()
                .setConfigKey(set.key())
                .setConfigValue(set.value())
                .setOpType(OP_SET));
      } else {
        TableChange.ResetOption reset = (TableChange.ResetOption) change;
        request.addConfigChanges(
            PbAlterConfig.newBuilder().setConfigKey(reset.key()).setOpType(OP_DELETE));
      }
    }
    return request.build();
  }
}
