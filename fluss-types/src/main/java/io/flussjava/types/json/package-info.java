/**
 * The server's JSON forms of data types and schemas. For fluss-java's own modules (fluss-client
 * reads and writes table descriptors with it); not an API for applications, and it may change
 * without notice.
 */
package io.flussjava.types.json;
