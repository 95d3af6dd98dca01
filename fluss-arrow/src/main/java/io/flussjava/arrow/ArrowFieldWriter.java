package io.flussjava.arrow;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataType;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes one column's canonical Java values into its Arrow vector. One instance per column, chosen
 * once per schema by {@link ArrowFieldWriters#create}, so writing a value is a single virtual call
 * without a type switch. Vectors grow as needed ({@code setSafe}); the owner sets the value count
 * when the batch is finished.
 */
public abstract class ArrowFieldWriter {
  private final String name;
  private final DataType type;
  private final boolean nullable;

  protected ArrowFieldWriter(String name, DataType type) {
    this.name = name;
    this.type = type;
    this.nullable = type.isNullable();
  }

  /**
   * Writes {@code value} (canonical class, or null) at {@code row}.
   *
   * @return the bytes of variable-length data written (0 for fixed-width columns), for size
   *     estimates
   * @throws InvalidRowException for a null in a NOT NULL column
   */
  public final int write(int row, Object value) {
    if (value == null) {
      if (!nullable) {
        throw new InvalidRowException(
            "column '" + name + "' is " + type + " but the value is null");
      }
      writeNull(row);
      return 0;
    }
    return writeValue(row, value);
  }

  /**
   * Writes a non-null value; a {@link ClassCastException} means the value does not have the
   * canonical class.
   */
  protected abstract int writeValue(int row, Object value);

  protected abstract void writeNull(int row);

  /** Bytes per row in the vector's fixed-size data and offset buffers (validity bits aside). */
  public abstract int fixedBytesPerRow();

  /** The vector written to. */
  public abstract FieldVector vector();

  public String name() {
    return name;
  }

  public DataType type() {
    return type;
  }
}
