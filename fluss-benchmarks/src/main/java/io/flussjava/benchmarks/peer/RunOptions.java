package io.flussjava.benchmarks.peer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The side-by-side runner's command-line options; see {@link #usage()}. */
final class RunOptions {
  String bootstrap;
  int rows = 5_000_000;
  int wideRows = -1; // default: 30% of rows
  int upsertRows = 1_000_000;
  int lookups = 20_000;
  int slowLookups = 200;
  int slowInflightLookups = 6_400;
  int inFlight = 64;
  int repeats = 3;
  int warmups = 1;
  long seed = 42;
  String compression = "ZSTD";
  Path out;
  Path officialDir;
  Set<String> only = new LinkedHashSet<>();

  static String usage() {
    return String.join(
        "\n",
        "java -jar fluss-benchmarks/target/benchmarks.jar side-by-side [options]",
        "  --bootstrap host:port         use this cluster (default: start a local test-kit cluster)",
        "  --rows N                      NARROW rows appended and scanned (default 5000000)",
        "  --wide-rows N                 WIDE rows appended (default 30% of --rows)",
        "  --upsert-rows N               NARROW rows upserted into the primary-key table (default 1000000)",
        "  --lookups N                   keys looked up per run (default 20000)",
        "  --slow-lookups N              keys for one-at-a-time lookups against the official defaults, which wait",
        "                                100 ms per key (default 200)",
        "  --slow-inflight-lookups N     keys for in-flight lookups against the official defaults (default 6400)",
        "  --in-flight N                 concurrent lookups in the throughput workloads (default 64)",
        "  --repeats N                   measured repeats per workload and client (default 3)",
        "  --warmups N                   unmeasured warm-up rounds per workload and client (default 1)",
        "  --seed N                      row generator seed (default 42)",
        "  --compression C               table.log.arrow.compression.type: ZSTD, LZ4_FRAME, NONE (default ZSTD)",
        "  --only a,b                    run only these workloads ("
            + String.join(", ", Workloads.IDS)
            + ")",
        "  --out DIR                     where results go (default: target/side-by-side next to the jar)",
        "  --official-dir DIR            holds fluss-client.jar and bridge.jar (default: target/official)");
  }

  static RunOptions parse(String[] args) {
    RunOptions o = new RunOptions();
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (flag.equals("-h") || flag.equals("--help")) {
        System.out.println(usage());
        System.exit(0);
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException("missing value after " + flag + "\n" + usage());
      }
      String v = rest.remove(0);
      switch (flag) {
        case "--bootstrap":
          o.bootstrap = v;
          break;
        case "--rows":
          o.rows = positive(flag, v);
          break;
        case "--wide-rows":
          o.wideRows = positive(flag, v);
          break;
        case "--upsert-rows":
          o.upsertRows = positive(flag, v);
          break;
        case "--lookups":
          o.lookups = positive(flag, v);
          break;
        case "--slow-lookups":
          o.slowLookups = positive(flag, v);
          break;
        case "--slow-inflight-lookups":
          o.slowInflightLookups = positive(flag, v);
          break;
        case "--in-flight":
          o.inFlight = positive(flag, v);
          break;
        case "--repeats":
          o.repeats = positive(flag, v);
          break;
        case "--warmups":
          o.warmups = Integer.parseInt(v);
          break;
        case "--seed":
          o.seed = Long.parseLong(v);
          break;
        case "--compression":
          o.compression = v;
          break;
        case "--out":
          o.out = Path.of(v);
          break;
        case "--official-dir":
          o.officialDir = Path.of(v);
          break;
        case "--only":
          o.only.addAll(Arrays.asList(v.split(",")));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + flag + "\n" + usage());
      }
    }
    if (o.wideRows < 0) {
      o.wideRows = Math.max(1, (int) (o.rows * 0.3));
    }
    for (String id : o.only) {
      if (!Workloads.IDS.contains(id)) {
        throw new IllegalArgumentException("unknown workload " + id + "; known: " + Workloads.IDS);
      }
    }
    return o;
  }

  boolean runs(String workloadId) {
    return only.isEmpty() || only.contains(workloadId);
  }

  private static int positive(String flag, String v) {
    int n = Integer.parseInt(v.replace("_", ""));
    if (n <= 0) {
      throw new IllegalArgumentException(flag + " must be positive, got " + v);
    }
    return n;
  }
}
