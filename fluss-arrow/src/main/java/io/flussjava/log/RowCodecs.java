package io.flussjava.log;

import io.flussjava.exception.InvalidConfigException;
import io.flussjava.log.internal.IndexedRowCodec;
import io.flussjava.types.RowType;
import io.flussjava.types.codec.CompactedRowReader;
import io.flussjava.types.codec.CompactedRowWriter;
import java.util.Locale;
import java.util.Map;

/**
 * The binary row formats a primary-key table stores its values in ({@code table.kv.format}:
 * COMPACTED, the default, or INDEXED): the same encodings the COMPACTED and INDEXED log formats use
 * per record.
 */
public final class RowCodecs {
  public static final String KV_FORMAT_KEY = "table.kv.format";

  private RowCodecs() {}

  /** The encoder for the table's KV format. */
  public static RowEncoder encoder(Map<String, String> tableProperties, RowType rowType) {
    switch (kvFormat(tableProperties)) {
      case "INDEXED":
        return new IndexedRowCodec(rowType);
      default:
        CompactedRowWriter w = new CompactedRowWriter(rowType);
        return w::writeRow;
    }
  }

  /** The decoder for the table's KV format. */
  public static RowDecoder decoder(Map<String, String> tableProperties, RowType rowType) {
    switch (kvFormat(tableProperties)) {
      case "INDEXED":
        return new IndexedRowCodec(rowType);
      default:
        return new CompactedRowReader(rowType)::read;
    }
  }

  private static String kvFormat(Map<String, String> tableProperties) {
    String f =
        tableProperties.getOrDefault(KV_FORMAT_KEY, "COMPACTED").trim().toUpperCase(Locale.ROOT);
    if (!f.equals("COMPACTED") && !f.equals("INDEXED")) {
      throw new InvalidConfigException(
          "Unknown table.kv.format '"
              + f
              + "': fluss-java reads and writes COMPACTED and INDEXED.");
    }
    return f;
  }
}
