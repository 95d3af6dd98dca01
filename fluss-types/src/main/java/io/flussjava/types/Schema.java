package io.flussjava.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a table, its optional primary key and its optional auto-increment column.
 * Immutable; built with {@link #newBuilder()}:
 *
 * <pre>{@code
 * Schema schema = Schema.newBuilder()
 *     .column("id", DataTypes.BIGINT())
 *     .column("name", DataTypes.STRING(), "display name")
 *     .column("ts", DataTypes.TIMESTAMP(3))
 *     .primaryKey("id")
 *     .build();
 * }</pre>
 *
 * <p>Primary-key columns are made NOT NULL by {@link Builder#build()}, as the server does. Every
 * column, and every field of a nested row, carries a field id that the server uses to follow it
 * through schema changes; a fresh builder numbers them 0, 1, 2... in declaration order, depth
 * first, and {@link #getHighestFieldId()} is the largest id ever handed out.
 */
public final class Schema {
  private final List<Column> columns;
  private final List<String> columnNames;
  private final List<String> primaryKey;
  private final int[] primaryKeyIndexes;
  private final List<String> autoIncrementColumnNames;
  private final int highestFieldId;
  private final RowType rowType;

  private Schema(
      List<Column> columns,
      List<String> primaryKey,
      List<String> autoIncrement,
      int highestFieldId) {
    this.columns = List.copyOf(columns);
    List<String> names = new ArrayList<>(columns.size());
    List<DataField> fields = new ArrayList<>(columns.size());
    for (Column column : columns) {
      names.add(column.getName());
      fields.add(
          new DataField(
              column.getName(),
              column.getDataType(),
              column.getComment().orElse(null),
              column.getColumnId()));
    }
    this.columnNames = Collections.unmodifiableList(names);
    this.rowType = new RowType(fields);
    this.primaryKey = primaryKey == null ? null : List.copyOf(primaryKey);
    this.primaryKeyIndexes = primaryKey == null ? new int[0] : indexesOf(primaryKey, rowType);
    this.autoIncrementColumnNames = List.copyOf(autoIncrement);
    this.highestFieldId = highestFieldId;
  }

  private static int[] indexesOf(List<String> names, RowType rowType) {
    int[] indexes = new int[names.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = rowType.getFieldIndex(names.get(i));
    }
    return indexes;
  }

  /** A builder for a new schema. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The columns in table order. */
  public List<Column> getColumns() {
    return columns;
  }

  /** The column names in table order. */
  public List<String> getColumnNames() {
    return columnNames;
  }

  /** The named column, if the schema has it. */
  public Optional<Column> getColumn(String name) {
    int index = rowType.getFieldIndex(name);
    return index < 0 ? Optional.empty() : Optional.of(columns.get(index));
  }

  /** The primary-key column names in key order, or empty for a log table. */
  public Optional<List<String>> getPrimaryKey() {
    return Optional.ofNullable(primaryKey);
  }

  /**
   * Positions (in {@link #getColumns()}) of the primary-key columns in key order; empty for a log
   * table.
   */
  public int[] getPrimaryKeyIndexes() {
    return primaryKeyIndexes.clone();
  }

  /** The auto-increment column names (at most one today); empty when there is none. */
  public List<String> getAutoIncrementColumnNames() {
    return autoIncrementColumnNames;
  }

  /** The columns as a row type; field ids are the column ids and descriptions the comments. */
  public RowType getRowType() {
    return rowType;
  }

  /**
   * The largest field id handed out, including fields of nested rows; new columns get ids above it.
   */
  public int getHighestFieldId() {
    return highestFieldId;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Schema)) {
      return false;
    }
    Schema that = (Schema) o;
    return highestFieldId == that.highestFieldId
        && columns.equals(that.columns)
        && Objects.equals(primaryKey, that.primaryKey)
        && autoIncrementColumnNames.equals(that.autoIncrementColumnNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, primaryKey, autoIncrementColumnNames, highestFieldId);
  }

  /** E.g. {@code (id BIGINT NOT NULL, name STRING 'display name', PRIMARY KEY (id))}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(columns.get(i));
    }
    if (primaryKey != null) {
      text.append(", PRIMARY KEY (").append(String.join(", ", primaryKey)).append(')');
    }
    if (!autoIncrementColumnNames.isEmpty()) {
      text.append(", AUTO_INCREMENT (")
          .append(String.join(", ", autoIncrementColumnNames))
          .append(')');
    }
    return text.append(')').toString();
  }

  /** One column: name, type, optional comment and column id. Immutable. */
  public static final class Column {
    private final String name;
    private final DataType dataType;
    private final String comment;
    private final int columnId;

    /**
     * A column as it is stored, with its id. Use {@link Builder#column} to declare new columns;
     * this constructor is for columns read back from the server.
     *
     * @param comment may be null
     * @param columnId the field id, or {@link DataField#UNASSIGNED_ID}
     */
    public Column(String name, DataType dataType, String comment, int columnId) {
      this.name = Parameters.checkNotNull(name, "column name");
      this.dataType = Parameters.checkNotNull(dataType, "data type of column '" + name + "'");
      this.comment = comment;
      this.columnId = columnId;
    }

    public String getName() {
      return name;
    }

    public DataType getDataType() {
      return dataType;
    }

    public Optional<String> getComment() {
      return Optional.ofNullable(comment);
    }

    /** The column's field id. */
    public int getColumnId() {
      return columnId;
    }

    Column withDataType(DataType newType) {
      return new Column(name, newType, comment, columnId);
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Column)) {
        return false;
      }
      Column that = (Column) o;
      return columnId == that.columnId
          && name.equals(that.name)
          && dataType.equals(that.dataType)
          && Objects.equals(comment, that.comment);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, dataType, comment, columnId);
    }

    /** E.g. {@code id BIGINT NOT NULL} or {@code name STRING 'display name'}. */
    @Override
    public String toString() {
      String text = DataField.quoteIfNeeded(name) + " " + dataType.asSummaryString();
      return comment == null ? text : text + " '" + comment.replace("'", "''") + "'";
    }
  }

  /** Collects columns and constraints; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private final List<Column> columns = new ArrayList<>();
    private final List<String> autoIncrementColumns = new ArrayList<>();
    private List<String> primaryKey;
    // One-element array so that FieldIds can advance it while renumbering nested rows.
    private final int[] highestFieldId = {-1};

    private Builder() {}

    /**
     * Copies every column (keeping its id), the primary key, the auto-increment column and the
     * highest field id of {@code schema}; further {@link #column} calls then add columns with new
     * ids, as a schema change would.
     *
     * @throws IllegalStateException if this builder already has columns or constraints
     */
    public Builder fromSchema(Schema schema) {
      Parameters.checkNotNull(schema, "schema");
      checkEmpty("fromSchema");
      columns.addAll(schema.getColumns());
      schema.getPrimaryKey().ifPresent(pk -> primaryKey = pk);
      autoIncrementColumns.addAll(schema.getAutoIncrementColumnNames());
      highestFieldId[0] = schema.getHighestFieldId();
      return this;
    }

    /**
     * Adds columns as they are stored (for schemas read back from the server). If every column has
     * an id, ids are kept, including those of nested row fields, and the highest field id becomes
     * the largest of them; if none has one, they are numbered like {@link #column} does.
     *
     * @throws IllegalArgumentException if some columns have an id and others do not
     * @throws IllegalStateException if columns with ids are added to a builder that already has
     *     columns
     */
    public Builder fromColumns(List<Column> storedColumns) {
      Parameters.checkNotNull(storedColumns, "columns");
      int withId = 0;
      for (Column column : storedColumns) {
        if (column.getColumnId() != DataField.UNASSIGNED_ID) {
          withId++;
        }
      }
      if (withId == 0) {
        for (Column column : storedColumns) {
          column(column.getName(), column.getDataType(), column.getComment().orElse(null));
        }
        return this;
      }
      if (withId != storedColumns.size()) {
        throw new IllegalArgumentException(
            "either every column has an id or none has; "
                + withId
                + " of "
                + storedColumns.size()
                + " have one");
      }
      checkEmpty("fromColumns");
      columns.addAll(storedColumns);
      highestFieldId[0] = Math.max(highestFieldId[0], maxFieldId(storedColumns));
      return this;
    }

    /**
     * Sets the highest field id handed out so far (as stored by the server); it must be at least
     * every id in use.
     */
    public Builder highestFieldId(int highestFieldId) {
      this.highestFieldId[0] = highestFieldId;
      return this;
    }

    /** Adds a column without comment. Nested row fields in {@code dataType} get fresh field ids. */
    public Builder column(String name, DataType dataType) {
      return column(name, dataType, null);
    }

    /**
     * Adds a column; {@code comment} may be null. Nested row fields in {@code dataType} get fresh
     * field ids.
     */
    public Builder column(String name, DataType dataType, String comment) {
      Parameters.checkNotNull(name, "column name");
      Parameters.checkNotNull(dataType, "data type of column '" + name + "'");
      int id = ++highestFieldId[0];
      columns.add(new Column(name, FieldIds.renumberNested(dataType, highestFieldId), comment, id));
      return this;
    }

    /**
     * Declares the primary key, in key order.
     *
     * @throws IllegalArgumentException if no column is named
     * @throws IllegalStateException if a primary key was already declared
     */
    public Builder primaryKey(String... columnNames) {
      Parameters.checkNotNull(columnNames, "primary key columns");
      return primaryKey(Arrays.asList(columnNames));
    }

    /** Declares the primary key, in key order; see {@link #primaryKey(String...)}. */
    public Builder primaryKey(List<String> columnNames) {
      Parameters.checkNotNull(columnNames, "primary key columns");
      if (primaryKey != null) {
        throw new IllegalStateException("a primary key was already declared: " + primaryKey);
      }
      if (columnNames.isEmpty()) {
        throw new IllegalArgumentException("primary key must name at least one column");
      }
      for (String name : columnNames) {
        Parameters.checkNotNull(name, "primary key column name");
      }
      primaryKey = List.copyOf(columnNames);
      return this;
    }

    /**
     * Makes {@code columnName} an auto-increment column: the server fills it in. Only primary-key
     * tables may have one, it must be an INT or BIGINT column outside the primary key, and there
     * can be only one.
     *
     * @throws IllegalStateException if an auto-increment column was already declared
     */
    public Builder enableAutoIncrement(String columnName) {
      Parameters.checkNotNull(columnName, "auto-increment column name");
      if (!autoIncrementColumns.isEmpty()) {
        throw new IllegalStateException(
            "only one auto-increment column is supported, already have " + autoIncrementColumns);
      }
      autoIncrementColumns.add(columnName);
      return this;
    }

    /**
     * Validates and builds the schema; primary-key columns become NOT NULL.
     *
     * @throws IllegalArgumentException if there are no columns, two columns share a name, the
     *     primary key names an unknown column or one column twice, the auto-increment column is
     *     invalid, or field ids clash
     */
    public Schema build() {
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("a schema needs at least one column");
      }
      List<String> names = new ArrayList<>(columns.size());
      Set<String> seen = new HashSet<>();
      for (Column column : columns) {
        names.add(column.getName());
        if (!seen.add(column.getName())) {
          throw new IllegalArgumentException(
              "duplicate column name '" + column.getName() + "' in " + names);
        }
      }
      checkFieldIds();
      List<Column> finalColumns = new ArrayList<>(columns);
      if (primaryKey != null) {
        Set<String> keySeen = new HashSet<>();
        for (String key : primaryKey) {
          if (!seen.contains(key)) {
            throw new IllegalArgumentException(
                "primary key column '"
                    + key
                    + "' is not a column of the schema; columns are "
                    + names);
          }
          if (!keySeen.add(key)) {
            throw new IllegalArgumentException(
                "primary key names column '" + key + "' twice: " + primaryKey);
          }
        }
        for (int i = 0; i < finalColumns.size(); i++) {
          Column column = finalColumns.get(i);
          if (keySeen.contains(column.getName()) && column.getDataType().isNullable()) {
            finalColumns.set(i, column.withDataType(column.getDataType().notNull()));
          }
        }
      }
      checkAutoIncrement(names);
      return new Schema(finalColumns, primaryKey, autoIncrementColumns, highestFieldId[0]);
    }

    private void checkAutoIncrement(List<String> names) {
      for (String name : autoIncrementColumns) {
        if (primaryKey == null) {
          throw new IllegalArgumentException(
              "auto-increment column '"
                  + name
                  + "' needs a primary-key table; declare a primary key");
        }
        int index = names.indexOf(name);
        if (index < 0) {
          throw new IllegalArgumentException(
              "auto-increment column '"
                  + name
                  + "' is not a column of the schema; columns are "
                  + names);
        }
        if (primaryKey.contains(name)) {
          throw new IllegalArgumentException(
              "auto-increment column '" + name + "' must not be in the primary key");
        }
        DataType type = columns.get(index).getDataType();
        if (!type.is(DataTypeRoot.INTEGER) && !type.is(DataTypeRoot.BIGINT)) {
          throw new IllegalArgumentException(
              "auto-increment column '" + name + "' must be INT or BIGINT, got " + type);
        }
      }
    }

    private void checkFieldIds() {
      List<Integer> ids = new ArrayList<>();
      for (Column column : columns) {
        ids.add(column.getColumnId());
        FieldIds.collectNested(column.getDataType(), ids);
      }
      Set<Integer> seenIds = new HashSet<>();
      for (int id : ids) {
        // Unassigned ids (-1) are not identities, so only real ids must be unique.
        if (id != DataField.UNASSIGNED_ID && !seenIds.add(id)) {
          throw new IllegalArgumentException(
              "field ids must be unique, id " + id + " is used twice in " + columns);
        }
        if (id > highestFieldId[0]) {
          throw new IllegalArgumentException(
              "highest field id "
                  + highestFieldId[0]
                  + " is lower than field id "
                  + id
                  + " in use");
        }
      }
    }

    private static int maxFieldId(List<Column> stored) {
      List<Integer> ids = new ArrayList<>();
      for (Column column : stored) {
        ids.add(column.getColumnId());
        FieldIds.collectNested(column.getDataType(), ids);
      }
      int max = -1;
      for (int id : ids) {
        max = Math.max(max, id);
      }
      return max;
    }

    private void checkEmpty(String method) {
      if (!columns.isEmpty() || primaryKey != null || !autoIncrementColumns.isEmpty()) {
        throw new IllegalStateException(method + " must be the first call on a Schema builder");
      }
    }
  }
}
