package io.flussjava.benchmarks.shared;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The scan loop both clients run: subscribe, then poll until exactly the expected number of records
 * has been read, materializing every read value of every record as a JDK object (folded into the
 * checksum). Fails when more records arrive than expected or when nothing arrives for {@link
 * #STALL}.
 */
public final class Scans {
  static final Duration POLL = Duration.ofSeconds(1);
  static final Duration STALL = Duration.ofSeconds(60);

  private Scans() {}

  /**
   * @param subscribe subscribes the scanner to the table's bucket(s) from the beginning
   * @param poll one poll of the client's scanner
   * @param rowHash materializes one record's values and returns their {@link RowHash}
   */
  public static <T> Map<String, Object> run(
      Runnable subscribe,
      Function<Duration, Iterable<T>> poll,
      ToIntFunction<T> rowHash,
      long expectedRows) {
    Measurement m = Measurement.start();
    subscribe.run();
    long count = 0;
    long checksum = 0;
    long lastProgress = System.nanoTime();
    while (count < expectedRows) {
      long before = count;
      for (T record : poll.apply(POLL)) {
        checksum += rowHash.applyAsInt(record);
        count++;
      }
      if (count > before) {
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
        throw new IllegalStateException(
            "scan stalled: read "
                + count
                + " of "
                + expectedRows
                + " records, nothing new for "
                + STALL);
      }
    }
    if (count != expectedRows) {
      throw new IllegalStateException(
          "scan read " + count + " records, expected exactly " + expectedRows);
    }
    return m.finish(count, checksum);
  }
}
