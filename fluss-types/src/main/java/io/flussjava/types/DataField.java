package io.flussjava.types;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One named field of a {@link RowType}: a name, a type, an optional description and a field id.
 *
 * <p>The field id is the server's stable identity of the field across schema changes; {@code -1}
 * means "not assigned yet" ({@link Schema.Builder} assigns ids). It is deliberately left out of
 * {@link #equals}: two fields with the same name, type and description describe the same data
 * whatever ids storage gave them.
 */
public final class DataField {
  /** The id of a field that has not been given one. */
  public static final int UNASSIGNED_ID = -1;

  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String name;
  private final DataType type;
  private final String description;
  private final int fieldId;

  /** A field without description or id. */
  public DataField(String name, DataType type) {
    this(name, type, null, UNASSIGNED_ID);
  }

  /** A field without id; {@code description} may be null. */
  public DataField(String name, DataType type, String description) {
    this(name, type, description, UNASSIGNED_ID);
  }

  /** A field with everything given; {@code description} may be null. */
  public DataField(String name, DataType type, String description, int fieldId) {
    this.name = Parameters.checkNotNull(name, "field name");
    this.type = Parameters.checkNotNull(type, "type of field '" + name + "'");
    this.description = description;
    this.fieldId = fieldId;
  }

  public String getName() {
    return name;
  }

  public DataType getType() {
    return type;
  }

  public Optional<String> getDescription() {
    return Optional.ofNullable(description);
  }

  /** The field id, or {@link #UNASSIGNED_ID}. */
  public int getFieldId() {
    return fieldId;
  }

  /** This field with another type. */
  public DataField withType(DataType newType) {
    return new DataField(name, newType, description, fieldId);
  }

  /** This field with another id. */
  public DataField withFieldId(int newFieldId) {
    return new DataField(name, type, description, newFieldId);
  }

  /**
   * {@code `name` TYPE}, with {@code '...'} after it when the field has a description: the same
   * summary the official Fluss client prints, so that schemas compare as text across the two
   * clients.
   */
  public String asSummaryString() {
    String text = "`" + name.replace("`", "``") + "` " + type.asSummaryString();
    return description == null ? text : text + " '...'";
  }

  static String quoteIfNeeded(String identifier) {
    return PLAIN_IDENTIFIER.matcher(identifier).matches()
        ? identifier
        : "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DataField)) {
      return false;
    }
    DataField that = (DataField) o;
    return name.equals(that.name)
        && type.equals(that.type)
        && Objects.equals(description, that.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, description);
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
