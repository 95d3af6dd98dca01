package io.flussjava.interop.official;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.fluss.bucketing.BucketingFunction;
import org.apache.fluss.metadata.DataLakeFormat;
import org.apache.fluss.metadata.Schema;
import org.apache.fluss.row.encode.KeyEncoder;
import org.apache.fluss.types.RowType;

/**
 * Runs inside the isolated class loader next to the official client: encodes keys with the official
 * 0.9.1 bucket-key encoder of a lake format and buckets them with its bucketing function, with no
 * cluster. {@code apply(new Object[] {lake or null, schemaJson, keyColumns, rows, bucketCounts})}
 * returns, per row, {@code [keyBytes, buckets]} or {@code [failure class name]}.
 */
public final class OfficialKeyCodecBridge implements Function<Object[], Object> {

  @Override
  @SuppressWarnings({"unchecked", "deprecation"})
  public Object apply(Object[] call) {
    String lake = (String) call[0];
    RowType rowType = Schema.fromJsonBytes((byte[]) call[1]).getRowType();
    List<String> keyColumns = (List<String>) call[2];
    List<List<Object>> rows = (List<List<Object>>) call[3];
    List<Integer> bucketCounts = (List<Integer>) call[4];
    DataLakeFormat format = lake == null ? null : DataLakeFormat.valueOf(lake.toUpperCase());
    KeyEncoder encoder;
    try {
      encoder = KeyEncoder.ofBucketKeyEncoder(rowType, keyColumns, format);
    } catch (RuntimeException e) {
      List<List<Object>> refused = new ArrayList<>();
      refused.add(List.of("encoder:" + e.getClass().getSimpleName()));
      return refused;
    }
    BucketingFunction bucketing = BucketingFunction.of(format);
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : rows) {
      try {
        byte[] key = encoder.encodeKey(OfficialClientBridge.toInternal(row, rowType));
        List<Integer> buckets = new ArrayList<>();
        for (int n : bucketCounts) {
          buckets.add(bucketing.bucketing(key, n));
        }
        out.add(List.of(key, buckets));
      } catch (RuntimeException e) {
        out.add(List.of(e.getClass().getSimpleName()));
      }
    }
    return out;
  }
}
