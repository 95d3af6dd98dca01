package io.flussjava.client.write;

/** Creates append writers for a log table: {@code table.newAppend().createWriter()}. */
public interface TableAppend {

  /**
   * A new writer; cheap, and it shares the connection's batching, memory budget and sender with
   * every other writer.
   *
   * @throws io.flussjava.exception.InvalidTableOperationException if the table has a primary key
   *     (use {@code newUpsert()})
   */
  AppendWriter createWriter();
}
