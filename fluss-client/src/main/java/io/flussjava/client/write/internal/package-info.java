/**
 * The write pipeline shared by append and upsert: rows are routed to buckets, gathered into
 * per-bucket batches by the {@link io.flussjava.client.write.internal.RecordAccumulator} within a
 * bounded memory budget, and sent by one {@link io.flussjava.client.write.internal.Sender} thread
 * per connection. Append and upsert differ only in their {@link
 * io.flussjava.client.write.internal.RecordBatchBuilder}. Not API.
 */
package io.flussjava.client.write.internal;
