package io.flussjava.benchmarks.peer;

/** One side-by-side workload: what a client does in one run, and how that run is checked. */
abstract class Workload {
  private final String id;
  private final String title;

  Workload(String id, String title) {
    this.id = id;
    this.title = title;
  }

  String id() {
    return id;
  }

  String title() {
    return title;
  }

  /** How much work one run is, e.g. "5,000,000 NARROW rows". */
  abstract String size();

  /** Logical bytes one row carries, for MB/s; 0 where MB/s does not apply. */
  abstract int bytesPerRow();

  /** Makes ready, untimed, what every run reads (shared tables, expected checksums). */
  void prepare() {}

  /**
   * Runs once with {@code client} and checks the outcome (rows written, rows and values read back),
   * throwing when it is wrong. Creates and drops whatever table the run needs.
   *
   * @param round 0-based over warm-ups and repeats, to name tables uniquely
   */
  abstract RunResult run(ClientUnderTest client, int round) throws Exception;

  static String tableName(String workloadId, ClientUnderTest client, int round) {
    return (workloadId + "_" + client.name() + "_" + round).replace('-', '_');
  }

  static String count(long n) {
    return String.format("%,d", n);
  }
}
