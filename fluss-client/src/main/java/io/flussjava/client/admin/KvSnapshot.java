package io.flussjava.client.admin;

import io.flussjava.client.TableBucket;

/**
 * The latest completed snapshot of one bucket of a primary-key table: its id (to read its files
 * with {@link Admin#getKvSnapshotMetadata}) and the log offset it covers (the changelog from that
 * offset on is not in it).
 */
public record KvSnapshot(TableBucket bucket, long snapshotId, long logOffset) {}
