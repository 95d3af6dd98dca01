package io.flussjava.benchmarks.peer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs each workload for warm-up rounds and then measured repeats, both clients in every round,
 * alternating which goes first (so neither always runs right after the other's garbage or with a
 * cooler cluster). A failed run is recorded with its error and the rest goes on.
 */
final class RoundRobin {
  private final List<ClientUnderTest> clients;
  private final int warmups;
  private final int repeats;
  private final List<RunRecord> records = new ArrayList<>();

  RoundRobin(ClientUnderTest flussJava, ClientUnderTest official, int warmups, int repeats) {
    this.clients = List.of(flussJava, official);
    this.warmups = warmups;
    this.repeats = repeats;
  }

  List<RunRecord> run(Workload w) {
    System.out.printf("%n== %s: %s (%s)%n", w.id(), w.title(), w.size());
    try {
      w.prepare();
    } catch (RuntimeException e) {
      System.out.println("  preparing " + w.id() + " FAILED, skipping it: " + e);
      e.printStackTrace(System.out);
      for (ClientUnderTest client : clients) {
        records.add(
            new RunRecord(w.id(), client.name(), warmups, false, null, "preparation failed: " + e));
      }
      return records;
    }
    int rounds = warmups + repeats;
    for (int round = 0; round < rounds; round++) {
      boolean warmup = round < warmups;
      String label =
          warmup
              ? "warm-up " + (round + 1) + "/" + warmups
              : "repeat " + (round - warmups + 1) + "/" + repeats;
      for (int i = 0; i < clients.size(); i++) {
        ClientUnderTest client = clients.get((i + round) % clients.size());
        records.add(runOnce(w, client, round, warmup, label));
      }
    }
    return records;
  }

  List<RunRecord> records() {
    return records;
  }

  private RunRecord runOnce(
      Workload w, ClientUnderTest client, int round, boolean warmup, String label) {
    System.out.printf("  [%s, %s] %-10s ... ", w.id(), label, client);
    System.out.flush();
    try {
      RunResult r = w.run(client, round);
      System.out.println(
          String.format(
              Locale.ROOT,
              "%,d in %.3f s = %s/s, CPU %.2f s, GC %.2f s%s",
              r.rows(),
              r.seconds(),
              Format.rate(r.rowsPerSecond()),
              r.cpuSeconds(),
              r.gcMillis() / 1e3,
              latencies(r)));
      return new RunRecord(w.id(), client.name(), round, warmup, r, null);
    } catch (Exception | Error e) {
      System.out.println("FAILED: " + e);
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      System.out.println(trace);
      return new RunRecord(w.id(), client.name(), round, warmup, null, String.valueOf(e));
    }
  }

  private static String latencies(RunResult r) {
    if (r.latencyNanos() == null || r.latencyNanos().length == 0) {
      return "";
    }
    long[] sorted = r.latencyNanos().clone();
    java.util.Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        ", p50 %.3f ms, p99 %.3f ms",
        sorted[(int) Math.ceil(0.5 * sorted.length) - 1] / 1e6,
        sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6);
  }
}
