package io.flussjava.client;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;

/**
 * A handle to one table, obtained from {@link Connection#getTable}. Cheap: it holds the table's info as it was when
 * obtained and shares the connection's resources; writers, scanners and lookupers are created from it.
 */
public final class Table {
  private final Connection connection;
  private final TableInfo info;

  Table(Connection connection, TableInfo info) {
    this.connection = connection;
    this.info = info;
  }

  public TablePath getTablePath() {
    return info.getTablePath();
  }

  /** The table's info as it was when this handle was obtained. */
  public TableInfo getTableInfo() {
    return info;
  }

  Connection connection() {
    return connection;
  }

  @Override
  public String toString() {
    return "Table{" + info.getTablePath() + "}";
  }
}
