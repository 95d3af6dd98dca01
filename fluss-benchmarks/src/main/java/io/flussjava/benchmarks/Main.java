package io.flussjava.benchmarks;

import io.flussjava.benchmarks.peer.SideBySide;
import io.flussjava.benchmarks.state.StateReads;
import java.util.Arrays;

/**
 * Entry point of {@code benchmarks.jar}: {@code side-by-side [options]} runs the comparison with
 * the official client; anything else goes to JMH ({@code java -jar benchmarks.jar ArrowEncode -wi 2
 * -i 3}, {@code -h} for its options).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("side-by-side")) {
      SideBySide.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("state-reads")) {
      StateReads.main(Arrays.copyOfRange(args, 1, args.length));
    } else {
      org.openjdk.jmh.Main.main(args);
    }
  }
}
