package io.flussjava.types;

/**
 * One method per concrete {@link DataType} class, so that code can branch on a type without casts
 * and the compiler points at every place to update when a type is added.
 *
 * @param <R> what a visit returns
 */
public interface DataTypeVisitor<R> {
  R visit(BooleanType type);

  R visit(TinyIntType type);

  R visit(SmallIntType type);

  R visit(IntType type);

  R visit(BigIntType type);

  R visit(FloatType type);

  R visit(DoubleType type);

  R visit(DecimalType type);

  R visit(CharType type);

  R visit(StringType type);

  R visit(BinaryType type);

  R visit(BytesType type);

  R visit(DateType type);

  R visit(TimeType type);

  R visit(TimestampType type);

  R visit(LocalZonedTimestampType type);

  R visit(ArrayType type);

  R visit(MapType type);

  R visit(RowType type);
}
