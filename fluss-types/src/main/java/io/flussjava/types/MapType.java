package io.flussjava.types;

import java.util.List;

/**
 * {@code MAP<K, V>}: an unordered association of keys to values. Java value {@code Map<Object,
 * Object>}.
 */
public final class MapType extends DataType {
  private final DataType keyType;
  private final DataType valueType;

  /** A nullable map with the given key and value types. */
  public MapType(DataType keyType, DataType valueType) {
    this(true, keyType, valueType);
  }

  public MapType(boolean nullable, DataType keyType, DataType valueType) {
    super(nullable, DataTypeRoot.MAP);
    this.keyType = Parameters.checkNotNull(keyType, "MAP key type");
    this.valueType = Parameters.checkNotNull(valueType, "MAP value type");
  }

  public DataType getKeyType() {
    return keyType;
  }

  public DataType getValueType() {
    return valueType;
  }

  @Override
  public MapType copy(boolean nullable) {
    return nullable == isNullable() ? this : new MapType(nullable, keyType, valueType);
  }

  @Override
  public List<DataType> getChildren() {
    return List.of(keyType, valueType);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "MAP<" + keyType.asSummaryString() + ", " + valueType.asSummaryString() + ">";
  }

  @Override
  boolean sameParameters(DataType other) {
    MapType that = (MapType) other;
    return keyType.equals(that.keyType) && valueType.equals(that.valueType);
  }

  @Override
  int parametersHash() {
    return keyType.hashCode() * 31 + valueType.hashCode();
  }
}
