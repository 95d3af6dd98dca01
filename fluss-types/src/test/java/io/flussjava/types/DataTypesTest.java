package io.flussjava.types;

import static io.flussjava.types.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataTypesTest {

  @Test
  void summaryStringsUseSqlForms() {
    assertThat(DataTypes.BOOLEAN()).hasToString("BOOLEAN");
    assertThat(DataTypes.TINYINT()).hasToString("TINYINT");
    assertThat(DataTypes.SMALLINT()).hasToString("SMALLINT");
    assertThat(DataTypes.INT().notNull()).hasToString("INT NOT NULL");
    assertThat(DataTypes.BIGINT()).hasToString("BIGINT");
    assertThat(DataTypes.FLOAT()).hasToString("FLOAT");
    assertThat(DataTypes.DOUBLE()).hasToString("DOUBLE");
    assertThat(DataTypes.DECIMAL(10, 2)).hasToString("DECIMAL(10, 2)");
    assertThat(DataTypes.CHAR(3)).hasToString("CHAR(3)");
    assertThat(DataTypes.STRING()).hasToString("STRING");
    assertThat(DataTypes.BINARY(16)).hasToString("BINARY(16)");
    assertThat(DataTypes.BYTES()).hasToString("BYTES");
    assertThat(DataTypes.DATE()).hasToString("DATE");
    assertThat(DataTypes.TIME()).hasToString("TIME(0)");
    assertThat(DataTypes.TIME(3)).hasToString("TIME(3)");
    assertThat(DataTypes.TIMESTAMP()).hasToString("TIMESTAMP(6)");
    assertThat(DataTypes.TIMESTAMP(3)).hasToString("TIMESTAMP(3)");
    assertThat(DataTypes.TIMESTAMP_LTZ()).hasToString("TIMESTAMP_LTZ(6)");
    assertThat(DataTypes.TIMESTAMP_LTZ(9).notNull()).hasToString("TIMESTAMP_LTZ(9) NOT NULL");
    assertThat(DataTypes.ARRAY(DataTypes.STRING())).hasToString("ARRAY<STRING>");
    assertThat(DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.INT()))
        .hasToString("MAP<STRING NOT NULL, INT>");
    assertThat(DataTypes.ROW(FIELD("a", DataTypes.INT()), FIELD("b", DataTypes.STRING())))
        .hasToString("ROW<`a` INT, `b` STRING>");
    assertThat(
            DataTypes.ROW(FIELD("my field", DataTypes.INT()), FIELD("c", DataTypes.INT(), "it's"))
                .notNull())
        .hasToString("ROW<`my field` INT, `c` INT '...'> NOT NULL");
  }

  @Test
  void defaultsMatchFluss() {
    assertThat(new DecimalType()).isEqualTo(DataTypes.DECIMAL(10, 0));
    assertThat(new CharType().getLength()).isEqualTo(1);
    assertThat(new BinaryType().getLength()).isEqualTo(1);
    assertThat(DataTypes.TIME().getPrecision()).isZero();
    assertThat(DataTypes.TIMESTAMP().getPrecision()).isEqualTo(6);
    assertThat(DataTypes.TIMESTAMP_LTZ().getPrecision()).isEqualTo(6);
  }

  @Test
  void everyFactoryTypeIsNullableAndHasItsRoot() {
    List<DataType> types =
        List.of(
            DataTypes.BOOLEAN(),
            DataTypes.TINYINT(),
            DataTypes.SMALLINT(),
            DataTypes.INT(),
            DataTypes.BIGINT(),
            DataTypes.FLOAT(),
            DataTypes.DOUBLE(),
            DataTypes.DECIMAL(5, 1),
            DataTypes.CHAR(2),
            DataTypes.STRING(),
            DataTypes.BINARY(2),
            DataTypes.BYTES(),
            DataTypes.DATE(),
            DataTypes.TIME(),
            DataTypes.TIMESTAMP(),
            DataTypes.TIMESTAMP_LTZ(),
            DataTypes.ARRAY(DataTypes.INT()),
            DataTypes.MAP(DataTypes.INT(), DataTypes.INT()),
            DataTypes.ROW(FIELD("a", DataTypes.INT())));
    for (int i = 0; i < types.size(); i++) {
      assertThat(types.get(i).isNullable()).isTrue();
      assertThat(types.get(i).getTypeRoot()).isEqualTo(DataTypeRoot.values()[i]);
    }
  }

  @Test
  void invalidParametersAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> DataTypes.DECIMAL(40, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DECIMAL precision must be between 1 and 38, got 40");
    assertThatThrownBy(() -> DataTypes.DECIMAL(0, 0)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> DataTypes.DECIMAL(5, 6))
        .hasMessage("DECIMAL scale must be between 0 and 5, got 6");
    assertThatThrownBy(() -> DataTypes.CHAR(0))
        .hasMessageContaining("CHAR length")
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> DataTypes.BINARY(-1)).hasMessageContaining("BINARY length");
    assertThatThrownBy(() -> DataTypes.TIME(10))
        .hasMessage("TIME precision must be between 0 and 9, got 10");
    assertThatThrownBy(() -> DataTypes.TIMESTAMP(-1)).hasMessageContaining("TIMESTAMP precision");
    assertThatThrownBy(() -> DataTypes.TIMESTAMP_LTZ(12))
        .hasMessageContaining("TIMESTAMP_LTZ precision");
    assertThatThrownBy(() -> DataTypes.ARRAY(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> DataTypes.ROW(FIELD("a", DataTypes.INT()), FIELD("a", DataTypes.STRING())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a' twice");
  }

  @Test
  void equalityIncludesParametersAndNullability() {
    assertThat(DataTypes.INT()).isEqualTo(new IntType()).hasSameHashCodeAs(new IntType());
    assertThat(DataTypes.INT()).isNotEqualTo(DataTypes.INT().notNull());
    assertThat(DataTypes.INT().hashCode()).isNotEqualTo(DataTypes.INT().notNull().hashCode());
    assertThat(DataTypes.DECIMAL(10, 2)).isEqualTo(new DecimalType(true, 10, 2));
    assertThat(DataTypes.DECIMAL(10, 2)).isNotEqualTo(DataTypes.DECIMAL(10, 3));
    assertThat((DataType) DataTypes.TIMESTAMP(3)).isNotEqualTo(DataTypes.TIMESTAMP_LTZ(3));
    assertThat(DataTypes.ARRAY(DataTypes.INT()))
        .isNotEqualTo(DataTypes.ARRAY(DataTypes.INT().notNull()));
    assertThat(DataTypes.ROW(FIELD("a", DataTypes.INT())))
        .isNotEqualTo(DataTypes.ROW(FIELD("b", DataTypes.INT())));
    // Field ids are storage identity, not part of the type.
    assertThat(new RowType(List.of(new DataField("a", DataTypes.INT(), null, 7))))
        .isEqualTo(DataTypes.ROW(FIELD("a", DataTypes.INT())));
  }

  @Test
  void copyChangesOnlyNullability() {
    DataType type = DataTypes.MAP(DataTypes.STRING(), DataTypes.DECIMAL(5, 2));
    DataType notNull = type.notNull();
    assertThat(notNull.isNullable()).isFalse();
    assertThat(notNull.getChildren()).isEqualTo(type.getChildren());
    assertThat(notNull.nullable()).isEqualTo(type);
    assertThat(type.copy(true)).isSameAs(type);
  }

  @Test
  void rowTypeLooksUpFields() {
    RowType row =
        DataTypes.ROW(
            FIELD("id", DataTypes.BIGINT()), FIELD("name", DataTypes.STRING(), "the name"));
    assertThat(row.getFieldCount()).isEqualTo(2);
    assertThat(row.getFieldNames()).containsExactly("id", "name");
    assertThat(row.getTypeAt(1)).isEqualTo(DataTypes.STRING());
    assertThat(row.getFieldIndex("name")).isEqualTo(1);
    assertThat(row.getFieldIndex("missing")).isEqualTo(-1);
    assertThat(row.getFields().get(1).getDescription()).contains("the name");
    assertThat(row.getChildren()).containsExactly(DataTypes.BIGINT(), DataTypes.STRING());
    assertThat(row.project(1, 0).getFieldNames()).containsExactly("name", "id");
  }

  @Test
  void visitorDispatchesOnTheConcreteClass() {
    DataTypeVisitor<String> names = new NamingVisitor();
    assertThat(DataTypes.DECIMAL(3, 1).accept(names)).isEqualTo("decimal");
    assertThat(DataTypes.TIMESTAMP_LTZ().accept(names)).isEqualTo("ltz");
    assertThat(DataTypes.ARRAY(DataTypes.INT()).accept(names)).isEqualTo("array");
  }

  private static final class NamingVisitor implements DataTypeVisitor<String> {
    @Override
    public String visit(BooleanType type) {
      return "boolean";
    }

    @Override
    public String visit(TinyIntType type) {
      return "tinyint";
    }

    @Override
    public String visit(SmallIntType type) {
      return "smallint";
    }

    @Override
    public String visit(IntType type) {
      return "int";
    }

    @Override
    public String visit(BigIntType type) {
      return "bigint";
    }

    @Override
    public String visit(FloatType type) {
      return "float";
    }

    @Override
    public String visit(DoubleType type) {
      return "double";
    }

    @Override
    public String visit(DecimalType type) {
      return "decimal";
    }

    @Override
    public String visit(CharType type) {
      return "char";
    }

    @Override
    public String visit(StringType type) {
      return "string";
    }

    @Override
    public String visit(BinaryType type) {
      return "binary";
    }

    @Override
    public String visit(BytesType type) {
      return "bytes";
    }

    @Override
    public String visit(DateType type) {
      return "date";
    }

    @Override
    public String visit(TimeType type) {
      return "time";
    }

    @Override
    public String visit(TimestampType type) {
      return "timestamp";
    }

    @Override
    public String visit(LocalZonedTimestampType type) {
      return "ltz";
    }

    @Override
    public String visit(ArrayType type) {
      return "array";
    }

    @Override
    public String visit(MapType type) {
      return "map";
    }

    @Override
    public String visit(RowType type) {
      return "row";
    }
  }
}
