package io.flussjava.client.admin;

import io.flussjava.types.DataType;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an {@link Admin#alterTable alterTable} call. A 0.9.1 server accepts these:
 *
 * <ul>
 *   <li>{@link #addColumn}: a nullable column appended after the last one. Rows written before it
 *       existed read it as null.
 *   <li>{@link #set} and {@link #reset} of a table option: any custom property, and of the {@code
 *       table.*} options only {@code table.datalake.enabled}, {@code table.datalake.freshness} and
 *       {@code table.log.tiered.local-segments}.
 * </ul>
 *
 * Anything else is refused by the server with an {@link
 * io.flussjava.exception.InvalidAlterTableException} (or an {@link
 * io.flussjava.exception.InvalidConfigException} for a bad option value), and the table stays as it
 * was: the changes of one call are applied together or not at all.
 *
 * <pre>{@code
 * admin.alterTable(path, List.of(TableChange.addColumn("email", DataTypes.STRING())), false);
 * }</pre>
 */
public sealed interface TableChange
    permits TableChange.AddColumn, TableChange.SetOption, TableChange.ResetOption {

  /** Appends a nullable column. */
  static AddColumn addColumn(String name, DataType type) {
    return new AddColumn(name, type, null);
  }

  /** Appends a nullable column with a comment. */
  static AddColumn addColumn(String name, DataType type, String comment) {
    return new AddColumn(name, type, comment);
  }

  /** Sets a table option (a custom property or one of the alterable {@code table.*} options). */
  static SetOption set(String key, String value) {
    return new SetOption(key, value);
  }

  /** Removes a table option, so that its default applies again. */
  static ResetOption reset(String key) {
    return new ResetOption(key);
  }

  /**
   * A column appended after the last one. The type must be nullable: rows already written have no
   * value for it.
   *
   * @param comment the column's comment, or null
   */
  record AddColumn(String name, DataType type, String comment) implements TableChange {
    public AddColumn {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (name.isBlank()) {
        throw new IllegalArgumentException("addColumn: the column name must not be blank");
      }
    }

    public Optional<String> getComment() {
      return Optional.ofNullable(comment);
    }
  }

  /** A table option set to a value. */
  record SetOption(String key, String value) implements TableChange {
    public SetOption {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A table option removed. */
  record ResetOption(String key) implements TableChange {
    public ResetOption {
      Objects.requireNonNull(key, "key");
    }
  }
}
