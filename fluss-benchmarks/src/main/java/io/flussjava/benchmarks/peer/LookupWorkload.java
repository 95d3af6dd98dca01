package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.RowHash;
import io.flussjava.benchmarks.shared.Shape;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Looks up random existing keys of the shared primary-key table, one at a time or with several in
 * flight; every key must be found with the values it was written with. fluss-java always runs with
 * its defaults; the official client with the given options (its defaults, or a short {@code
 * client.lookup.batch-timeout}).
 */
final class LookupWorkload extends Workload {
  private final long[] keys;
  private final int inFlight;
  private final Map<String, String> officialOptions;
  private final Fixtures fixtures;
  private final long expectedChecksum;

  LookupWorkload(
      String id,
      String title,
      int keyCount,
      int tableRows,
      int inFlight,
      Map<String, String> officialOptions,
      long seed,
      Fixtures fixtures) {
    super(id, title);
    this.inFlight = inFlight;
    this.officialOptions = officialOptions;
    this.fixtures = fixtures;
    SplittableRandom random = new SplittableRandom(seed + keyCount);
    this.keys = new long[keyCount];
    long sum = 0;
    for (int i = 0; i < keyCount; i++) {
      keys[i] = random.nextLong(tableRows);
      sum += RowHash.ofGenerated(Shape.NARROW, seed, keys[i], null);
    }
    this.expectedChecksum = sum;
  }

  @Override
  String size() {
    return count(keys.length)
        + " keys"
        + (inFlight > 1 ? ", " + inFlight + " in flight" : ", one at a time");
  }

  @Override
  int bytesPerRow() {
    return 0;
  }

  @Override
  void prepare() {
    fixtures.lookupTable();
  }

  @Override
  RunResult run(ClientUnderTest client, int round) {
    Map<String, String> options =
        client.name().equals(ClientUnderTest.OFFICIAL) ? officialOptions : Map.of();
    RunResult result = client.lookup(fixtures.lookupTable(), Shape.NARROW, keys, inFlight, options);
    if (result.rows() != keys.length || result.checksum() != expectedChecksum) {
      throw new IllegalStateException(
          client
              + " looked up "
              + result.rows()
              + " of "
              + keys.length
              + " keys with checksum "
              + result.checksum()
              + ", expected "
              + expectedChecksum
              + " (a key not found or a wrong value)");
    }
    return result;
  }
}
