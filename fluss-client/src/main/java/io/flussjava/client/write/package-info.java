/**
 * Writing to tables: {@link io.flussjava.client.write.AppendWriter} for log tables and {@link
 * io.flussjava.client.write.UpsertWriter} for primary-key tables, created through {@link
 * io.flussjava.client.write.TableAppend} and {@link io.flussjava.client.write.TableUpsert}. Writes
 * are batched and sent in the background; each returns a future of its {@link
 * io.flussjava.client.write.WriteResult}.
 */
package io.flussjava.client.write;
