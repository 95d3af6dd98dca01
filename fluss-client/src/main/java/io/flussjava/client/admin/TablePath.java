package io.flussjava.client.admin;

import java.util.Objects;
import java.util.regex.Pattern;

/** A table's full name: database and table. Written {@code db.table}. */
public final class TablePath {
  // Fluss allows letters, digits, '_' and '-' in database and table names (at most 200 characters).
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,200}");

  private final String databaseName;
  private final String tableName;

  private TablePath(String databaseName, String tableName) {
    this.databaseName = databaseName;
    this.tableName = tableName;
  }

  /** A path from its two parts; each must be a valid Fluss identifier. */
  public static TablePath of(String databaseName, String tableName) {
    checkName("database", databaseName);
    checkName("table", tableName);
    return new TablePath(databaseName, tableName);
  }

  /** Parses {@code "db.table"}. */
  public static TablePath parse(String path) {
    Objects.requireNonNull(path, "table path");
    int dot = path.indexOf('.');
    if (dot <= 0 || dot != path.lastIndexOf('.') || dot == path.length() - 1) {
      throw new IllegalArgumentException(
          "Table path '" + path + "' must have the form 'database.table' (exactly one dot)");
    }
    return of(path.substring(0, dot), path.substring(dot + 1));
  }

  static void checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid " + what + " name '" + name + "': use 1 to 200 letters, digits, '_' or '-'");
    }
  }

  public String getDatabaseName() {
    return databaseName;
  }

  public String getTableName() {
    return tableName;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TablePath
        && ((TablePath) o).databaseName.equals(databaseName)
        && ((TablePath) o).tableName.equals(tableName);
  }

  @Override
  public int hashCode() {
    return databaseName.hashCode() * 31 + tableName.hashCode();
  }

  @Override
  public String toString() {
    return databaseName + "." + tableName;
  }
}
