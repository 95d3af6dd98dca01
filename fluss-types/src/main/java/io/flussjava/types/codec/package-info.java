/**
 * The binary encodings of fluss-types: CompactedRow and its nested ARRAY / MAP / ROW values, the
 * key encoding and bucket hashing, and the byte buffers and varints beneath them. For fluss-java's
 * own modules (fluss-arrow and fluss-client build on it); not an API for applications, and it may
 * change without notice.
 */
package io.flussjava.types.codec;
