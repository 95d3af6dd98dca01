/**
 * Internals of the log formats: the batch header and its CRC, the batch iterator, and the
 * row-oriented INDEXED and COMPACTED formats. SPI-internal: not API, anything here may change
 * without notice; use {@code io.flussjava.log}.
 */
package io.flussjava.log.internal;
