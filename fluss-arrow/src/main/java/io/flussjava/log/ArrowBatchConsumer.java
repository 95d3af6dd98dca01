package io.flussjava.log;

/** Receives decoded ARROW batches without converting them to Java objects. */
@FunctionalInterface
public interface ArrowBatchConsumer {
  /**
   * Called once per batch that has rows at or after the fetch offset; {@code batch} is valid only
   * during the call.
   */
  void accept(ArrowBatch batch);
}
