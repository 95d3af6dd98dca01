/**
 * JMH benchmarks of the client's hot paths without a cluster: row conversion, ARROW log batch
 * encode and decode (per compression), and KV batch encode. Every benchmark handles a batch of
 * {@link io.flussjava.benchmarks.jmh.BenchmarkRows#BATCH_ROWS} rows per invocation and declares it
 * with {@code @OperationsPerInvocation}, so JMH reports rows per second.
 */
package io.flussjava.benchmarks.jmh;
