/**
 * Internals of fluss-types: the server's JSON forms of types and schemas, the CompactedRow and key encodings, and
 * bucket hashing. Not API: anything here may change without notice.
 */
package io.flussjava.types.internal;
