package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side workloads, in the order they run (writes first: they leave the tables the reads
 * use).
 */
final class Workloads {
  static final String APPEND_NARROW = "append-narrow";
  static final String APPEND_WIDE = "append-wide";
  static final String SCAN_ALL = "scan-all";
  static final String SCAN_PROJECTION = "scan-projection";
  static final String UPSERT_NARROW = "upsert-narrow";
  static final String LOOKUP_ONE_DEFAULTS = "lookup-1-official-defaults";
  static final String LOOKUP_ONE_TUNED = "lookup-1-official-1ms";
  static final String LOOKUP_MANY_DEFAULTS = "lookup-inflight-official-defaults";
  static final String LOOKUP_MANY_TUNED = "lookup-inflight-official-1ms";

  static final List<String> IDS =
      List.of(
          APPEND_NARROW,
          APPEND_WIDE,
          SCAN_ALL,
          SCAN_PROJECTION,
          UPSERT_NARROW,
          LOOKUP_ONE_DEFAULTS,
          LOOKUP_ONE_TUNED,
          LOOKUP_MANY_DEFAULTS,
          LOOKUP_MANY_TUNED);

  /**
   * The official client's lookup batch timeout is 100 ms by default: a lone key waits that long.
   */
  static final Map<String, String> OFFICIAL_DEFAULTS = Map.of();

  static final Map<String, String> OFFICIAL_TUNED = Map.of("client.lookup.batch-timeout", "1ms");

  private Workloads() {}

  static List<Workload> create(RunOptions o, BenchTables tables, Fixtures fixtures) {
    int lastRound = o.warmups + o.repeats - 1;
    List<Workload> all = new ArrayList<>();
    all.add(
        new WriteWorkload(
            APPEND_NARROW,
            false,
            Shape.NARROW,
            o.rows,
            o.seed,
            tables,
            lastRound,
            fixtures::offerScanSource));
    all.add(
        new WriteWorkload(
            APPEND_WIDE, false, Shape.WIDE, o.wideRows, o.seed, tables, lastRound, null));
    all.add(new ScanWorkload(SCAN_ALL, null, o.rows, o.seed, fixtures));
    all.add(
        new ScanWorkload(SCAN_PROJECTION, new String[] {"id", "score"}, o.rows, o.seed, fixtures));
    all.add(
        new WriteWorkload(
            UPSERT_NARROW,
            true,
            Shape.NARROW,
            o.upsertRows,
            o.seed,
            tables,
            lastRound,
            fixtures::offerLookupTable));
    all.add(
        new LookupWorkload(
            LOOKUP_ONE_DEFAULTS,
            "lookup one at a time (official: defaults, 100 ms batch timeout)",
            o.slowLookups,
            o.upsertRows,
            1,
            OFFICIAL_DEFAULTS,
            o.seed,
            fixtures));
    all.add(
        new LookupWorkload(
            LOOKUP_ONE_TUNED,
            "lookup one at a time (official: 1 ms batch timeout)",
            o.lookups,
            o.upsertRows,
            1,
            OFFICIAL_TUNED,
            o.seed,
            fixtures));
    all.add(
        new LookupWorkload(
            LOOKUP_MANY_DEFAULTS,
            "lookups, " + o.inFlight + " in flight (official: defaults, 100 ms batch timeout)",
            o.slowInflightLookups,
            o.upsertRows,
            o.inFlight,
            OFFICIAL_DEFAULTS,
            o.seed,
            fixtures));
    all.add(
        new LookupWorkload(
            LOOKUP_MANY_TUNED,
            "lookups, " + o.inFlight + " in flight (official: 1 ms batch timeout)",
            o.lookups,
            o.upsertRows,
            o.inFlight,
            OFFICIAL_TUNED,
            o.seed,
            fixtures));
    all.removeIf(w -> !o.runs(w.id()));
    return all;
  }
}
