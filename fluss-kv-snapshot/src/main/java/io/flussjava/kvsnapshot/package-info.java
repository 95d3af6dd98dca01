/**
 * Reading a primary-key table as state: {@link io.flussjava.kvsnapshot.KvSnapshotReader} hands out
 * the rows of each bucket's latest KV snapshot (the RocksDB files the tablet servers upload to
 * remote storage), and {@link io.flussjava.kvsnapshot.StateReader} hands out that state and then
 * every change after it from the changelog. An optional module: it brings rocksdbjni and its native
 * library, which the core client does not carry.
 */
package io.flussjava.kvsnapshot;
