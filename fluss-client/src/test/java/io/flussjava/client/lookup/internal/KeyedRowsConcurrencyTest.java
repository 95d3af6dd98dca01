package io.flussjava.client.lookup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.log.RowCodecs;
import io.flussjava.log.RowEncoder;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import io.flussjava.types.codec.ByteArrayOutput;
import io.flussjava.types.codec.CompactedKeyEncoder;
import io.flussjava.types.convert.RowConverter;
import io.flussjava.types.convert.TypeConverters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One {@link KeyedRows} (key encoder, bucket hasher, value decoder, converters) used by several
 * threads at once, as a shared Lookuper uses it: every thread must get exactly its own key's bytes
 * and its own row back. Scratch state shared between threads shows up here within a few thousand
 * rounds (the old shared encoder and CompactedRow cursor failed in the first second).
 */
class KeyedRowsConcurrencyTest {
  private static final int THREADS = 4;
  private static final int ROUNDS = 40_000;

  static TableInfo table(KvFormat format) {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.STRING())
            .column("n", DataTypes.BIGINT())
            .column("name", DataTypes.STRING())
            .column("tags", DataTypes.ARRAY(DataTypes.STRING()))
            .column("attrs", DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()))
            .column(
                "pos",
                DataTypes.ROW(
                    DataTypes.FIELD("x", DataTypes.INT()),
                    DataTypes.FIELD("label", DataTypes.STRING())))
            .primaryKey("id", "n")
            .build();
    return new TableInfo(
        TablePath.of("db", "t"),
        7L,
        1,
        TableDescriptor.builder().schema(schema).distributedBy(5).kvFormat(format).build(),
        1L,
        1L);
  }

  /**
   * Row {@code i}: values of lengths that differ from row to row, so a mixed-up buffer cannot
   * decode cleanly.
   */
  static Object[] row(int i) {
    String id = "key-" + i + "-" + "x".repeat(i % 37);
    return new Object[] {
      id,
      (long) i * 1_000_003L,
      "name " + "é".repeat(i % 11) + i,
      List.of("t" + i, "u".repeat(i % 5)),
      Map.of("a" + i, i),
      List.of(i, "label-" + i)
    };
  }

  /**
   * {@code part}: "keys" encodes and routes keys only, "values" decodes values only, so each is
   * caught alone.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"COMPACTED, keys", "COMPACTED, values", "INDEXED, values"})
  void sharedKeyedRowsGiveEachThreadItsOwnKeyAndRow(KvFormat format, String part) throws Exception {
    boolean keysPart = part.equals("keys");
    TableInfo table = table(format);
    KeyedRows rows =
        new KeyedRows(
            table,
            table.getPrimaryKeys(),
            false,
            TypeConverters.defaults(),
            new io.flussjava.client.metadata.SchemaCache(
                (path, id) -> {
                  throw new AssertionError("no other schema expected");
                }));
    // What each key and value must be, computed single-threaded with private codecs.
    int distinct = 997;
    byte[][] keys = new byte[distinct][];
    byte[][] values = new byte[distinct][];
    int[] buckets = new int[distinct];
    RowConverter full = new RowConverter(table.getRowType(), TypeConverters.defaults());
    RowEncoder encoder = RowCodecs.encoder(table.getProperties(), table.getRowType());
    CompactedKeyEncoder keyEncoder = new CompactedKeyEncoder(table.getRowType(), new int[] {0, 1});
    for (int i = 0; i < distinct; i++) {
      Object[] r = full.toCanonical(row(i));
      keys[i] = keyEncoder.encodeKey(r);
      buckets[i] = rows.bucketOf(rows.keyOf(r[0], r[1]), keys[i]);
      ByteArrayOutput out = new ByteArrayOutput(64);
      out.writeShortLE((short) table.getSchemaId());
      encoder.write(r, out);
      values[i] = out.toByteArray();
    }
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicLong checked = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int seed = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int round = 0; round < ROUNDS && failures.size() < 10; round++) {
                    int i = (round * 31 + seed * 101) % distinct;
                    if (keysPart) {
                      Object[] key = rows.keyOf(row(i)[0], row(i)[1]);
                      byte[] encoded = rows.encode(key);
                      if (!Arrays.equals(encoded, keys[i])) {
                        failures.add("key " + i + " encoded as another key's bytes");
                      }
                      if (rows.bucketOf(key, encoded) != buckets[i]) {
                        failures.add("key " + i + " routed to another bucket");
                      }
                    } else {
                      List<Object> decoded = rows.decode(values[i]);
                      Object[] expected = row(i);
                      if (!decoded.get(0).equals(expected[0])
                          || !decoded.get(2).equals(expected[2])
                          || !decoded.get(3).equals(expected[3])
                          || !decoded.get(4).equals(expected[4])
                          || !decoded.get(5).equals(expected[5])) {
                        failures.add("value of key " + i + " decoded as " + decoded);
                      }
                    }
                    checked.incrementAndGet();
                  }
                } catch (Throwable e) {
                  failures.add(e.toString());
                }
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
    assertThat(checked.get()).isEqualTo((long) THREADS * ROUNDS);
  }
}
