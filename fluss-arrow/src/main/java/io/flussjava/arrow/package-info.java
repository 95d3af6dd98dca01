/**
 * The ARROW log format: the Fluss-to-Arrow type mapping, per-column vector writers and readers, and
 * the Arrow IPC body compression codecs (ZSTD through zstd-jni, LZ4_FRAME through lz4-java).
 * SPI-internal: public only so that the registries in {@code io.flussjava.log} can reach it; use
 * {@code io.flussjava.log} instead, anything here may change without notice.
 */
package io.flussjava.arrow;
