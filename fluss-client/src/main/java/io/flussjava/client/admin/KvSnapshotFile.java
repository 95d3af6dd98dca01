package io.flussjava.client.admin;

/**
 * One file of a KV snapshot: where it lies in remote storage, and the name it must have in the
 * local directory the snapshot is restored into.
 */
public record KvSnapshotFile(String remotePath, String localFileName) {}
