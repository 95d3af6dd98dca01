package io.flussjava.types.codec;

import io.flussjava.types.MapType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fluss's binary map, the encoding of MAP values inside CompactedRow and IndexedRow records: the
 * int32 LE byte size of the key array, the keys as a {@link BinaryArrayCodec binary array}, then
 * the values as another, both in the map's iteration order. Writing is not thread-safe (scratch
 * lists); {@link #read} is.
 */
public final class BinaryMapCodec implements NestedValueCodec {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final BinaryArrayCodec keys;
  private final BinaryArrayCodec values;
  private final List<Object> keyList = new ArrayList<>();
  private final List<Object> valueList = new ArrayList<>();

  public BinaryMapCodec(MapType type, NestedRowCodec.Factory rows) {
    this.keys = new BinaryArrayCodec(type.getKeyType(), rows);
    this.values = new BinaryArrayCodec(type.getValueType(), rows);
  }

  /** Appends the map (canonical keys and values) to {@code out}. */
  public void write(Map<?, ?> map, ByteArrayOutput out) {
    keyList.clear();
    valueList.clear();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      keyList.add(entry.getKey());
      valueList.add(entry.getValue());
    }
    int sizeAt = out.skipZeroed(4);
    keys.write(keyList, out);
    out.putIntLE(sizeAt, out.position() - sizeAt - 4);
    values.write(valueList, out);
    keyList.clear();
    valueList.clear();
  }

  @Override
  public void writeValue(Object value, ByteArrayOutput out) {
    write((Map<?, ?>) value, out);
  }

  @Override
  public Object readValue(byte[] bytes, int offset, int length) {
    return read(bytes, offset, length);
  }

  /**
   * Decodes the map in {@code bytes[offset, offset + length)} into an unmodifiable map in the
   * stored order.
   *
   * @throws IllegalArgumentException if the bytes are not a well-formed map of this type
   */
  public Map<Object, Object> read(byte[] bytes, int offset, int length) {
    if (length < 4) {
      throw new IllegalArgumentException(
          "malformed binary map: " + length + " bytes, at least 4 are needed");
    }
    int keyBytes = (int) INT_LE.get(bytes, offset);
    if (keyBytes < 0 || keyBytes > length - 4) {
      throw new IllegalArgumentException(
          "malformed binary map: key array of " + keyBytes + " bytes in " + length);
    }
    List<Object> k = keys.read(bytes, offset + 4, keyBytes);
    List<Object> v = values.read(bytes, offset + 4 + keyBytes, length - 4 - keyBytes);
    if (k.size() != v.size()) {
      throw new IllegalArgumentException(
          "malformed binary map: " + k.size() + " keys but " + v.size() + " values");
    }
    Map<Object, Object> map = new LinkedHashMap<>(Math.max(4, k.size() * 4 / 3 + 1));
    for (int i = 0; i < k.size(); i++) {
      map.put(k.get(i), v.get(i));
    }
    return Collections.unmodifiableMap(map);
  }
}
