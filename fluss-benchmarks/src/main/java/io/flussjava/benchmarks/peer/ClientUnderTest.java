package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.Shape;
import java.util.Map;
import java.util.function.Function;

/**
 * One of the two clients, behind its bridge: typed calls in, {@link RunResult}s out. Only JDK
 * values cross, so the same code drives fluss-java (in this class loader) and the official client
 * (in its isolated one).
 */
final class ClientUnderTest {
  static final String FLUSS_JAVA = "fluss-java";
  static final String OFFICIAL = "official";

  private final String name;
  private final Function<Object[], Object> bridge;

  ClientUnderTest(String name, Function<Object[], Object> bridge) {
    this.name = name;
    this.bridge = bridge;
  }

  String name() {
    return name;
  }

  RunResult append(TableRef table, Shape shape, int rows, long seed) {
    return call("append", table, shape, rows, seed);
  }

  RunResult upsert(TableRef table, Shape shape, int rows, long seed) {
    return call("upsert", table, shape, rows, seed);
  }

  /**
   * Reads the table from the beginning until exactly {@code expectedRows}; {@code columns} null for
   * all.
   */
  RunResult scan(TableRef table, Shape shape, String[] columns, long expectedRows) {
    return call("scan", table, shape, columns, expectedRows);
  }

  RunResult lookup(
      TableRef table, Shape shape, long[] keys, int inFlight, Map<String, String> options) {
    return call("lookup", table, shape, keys, inFlight, options);
  }

  private RunResult call(String command, TableRef table, Shape shape, Object... args) {
    Object[] call = new Object[5 + args.length];
    call[0] = command;
    call[1] = table.bootstrap();
    call[2] = table.database();
    call[3] = table.table();
    call[4] = shape.name();
    System.arraycopy(args, 0, call, 5, args.length);
    return RunResult.fromMap(bridge.apply(call));
  }

  @Override
  public String toString() {
    return name;
  }
}
