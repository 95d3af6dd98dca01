package io.flussjava.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Child-JVM entry point that runs a server main class and exits when the parent JVM goes away.
 *
 * <p>The parent's shutdown hook stops the servers on a normal exit or SIGTERM, but nothing runs
 * when the parent is killed with SIGKILL (e.g. a build tool's fork timeout). The parent keeps the
 * child's stdin pipe open for the child's whole life; when the parent dies the OS closes it, this
 * class reads end-of-file and calls {@link System#exit}, which runs the server's own graceful
 * shutdown hooks. No orphans either way.
 *
 * <p>Runs inside the child JVM next to the server jar, so it may use nothing but the JDK.
 */
public final class ExitWithParent {

  /** What a JVM stopped by SIGTERM reports (128 + 15): to the parent this is an ordinary stop. */
  static final int PARENT_GONE_EXIT_CODE = 143;

  private ExitWithParent() {}

  /** {@code args[0]} is the server's main class, the rest are its arguments. */
  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      System.err.println("usage: ExitWithParent <main class> [args...]");
      System.exit(2);
    }
    Thread watcher = new Thread(ExitWithParent::exitWhenStdinCloses, "fluss-testkit-parent-watch");
    watcher.setDaemon(true);
    watcher.start();

    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void exitWhenStdinCloses() {
    InputStream in = System.in;
    byte[] discard = new byte[256];
    try {
      while (in.read(discard) >= 0) {
        // The parent never writes; drain anything anyway so the pipe cannot fill up.
      }
    } catch (IOException e) {
      // A broken pipe means the parent is gone just as surely as end-of-file does.
    }
    // Process.destroy() in the parent also closes the pipe, so this is the normal path of a stop,
    // too.
    System.err.println(
        "fluss-testkit: stdin closed (the test JVM stopped this server or exited); shutting down");
    System.exit(PARENT_GONE_EXIT_CODE);
  }
}
