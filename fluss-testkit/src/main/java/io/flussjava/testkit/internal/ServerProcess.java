package io.flussjava.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One server child JVM: starts it with its output redirected to {@code <name>.out}, stops it
 * (gracefully or not) and describes it for error messages. Can be started again after it stopped,
 * with the same command.
 */
public final class ServerProcess {

  /** Lines of each log quoted in error messages. */
  public static final int DIAGNOSTIC_LINES = 40;

  private final String name;
  private final List<String> command;
  private final Path outFile;
  private final Path logFile;
  private final ClassDataSharing.Plan classDataSharing;
  private volatile Process process;

  /**
   * @param classDataSharing the archive plan {@code command} was built with; its archive is
   *     published after a clean exit
   */
  public ServerProcess(
      String name,
      List<String> command,
      Path outFile,
      Path logFile,
      ClassDataSharing.Plan classDataSharing) {
    this.name = name;
    this.command = List.copyOf(command);
    this.outFile = outFile;
    this.logFile = logFile;
    this.classDataSharing = classDataSharing;
  }

  public String name() {
    return name;
  }

  public List<String> command() {
    return command;
  }

  /**
   * Launches the JVM; its stdin stays an open pipe so {@link ExitWithParent} can notice when we
   * die.
   */
  public synchronized void start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            // Append: a restarted server keeps the earlier run's output, which is what explains a
            // failure.
            .redirectOutput(Redirect.appendTo(outFile.toFile()));
    classDataSharing.discardPending();
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch " + name + ": " + String.join(" ", command), e);
    }
  }

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The exit code if the process was started and has exited. */
  public OptionalInt exitCode() {
    Process p = process;
    if (p == null || p.isAlive()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(p.exitValue());
  }

  public long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  /** Sends SIGTERM without waiting, so several servers can shut down in parallel. */
  public void requestStop() {
    Process p = process;
    if (p != null) {
      p.destroy();
    }
  }

  /**
   * Waits up to {@code grace} for the process to exit after {@link #requestStop()}, then kills it.
   *
   * @return true if it exited within the grace period
   */
  public boolean awaitStop(Duration grace) {
    Process p = process;
    if (p == null) {
      return true;
    }
    boolean graceful = waitFor(p, grace);
    if (graceful) {
      classDataSharing.publishAfterCleanExit();
    } else {
      p.destroyForcibly();
      waitFor(p, Duration.ofSeconds(30));
      classDataSharing.discardPending();
    }
    return graceful;
  }

  /** SIGTERM, wait up to {@code grace}, then SIGKILL. */
  public boolean stop(Duration grace) {
    requestStop();
    return awaitStop(grace);
  }

  /** SIGKILL (no shutdown hooks, no deregistration), waiting until the process is gone. */
  public void kill() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      waitFor(p, Duration.ofSeconds(30));
      classDataSharing.discardPending();
    }
  }

  public Path outFile() {
    return outFile;
  }

  public Path logFile() {
    return logFile;
  }

  /** Whether the process's output or log mentions {@code text} (e.g. "Address already in use"). */
  public boolean outputMentions(String text) {
    return LogTail.contains(outFile, text) || LogTail.contains(logFile, text);
  }

  /**
   * Name, pid, state and the tails of its {@code .out} and {@code .log} files, for exception
   * messages.
   */
  public String describe() {
    OptionalInt exit = exitCode();
    String state =
        exit.isPresent()
            ? "exited with code " + exit.getAsInt()
            : isAlive() ? "still running" : "not started";
    return name
        + " (pid "
        + pid()
        + ") "
        + state
        + "\n"
        + "--- last "
        + DIAGNOSTIC_LINES
        + " lines of "
        + outFile
        + " ---\n"
        + LogTail.lastLines(outFile, DIAGNOSTIC_LINES)
        + "\n"
        + "--- last "
        + DIAGNOSTIC_LINES
        + " lines of "
        + logFile
        + " ---\n"
        + LogTail.lastLines(logFile, DIAGNOSTIC_LINES)
        + "\n";
  }

  @Override
  public String toString() {
    return name + "(pid " + pid() + ")";
  }

  private static boolean waitFor(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // Keep the interrupt for the caller but do not leave a half-stopped process behind.
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return false;
    }
  }
}
