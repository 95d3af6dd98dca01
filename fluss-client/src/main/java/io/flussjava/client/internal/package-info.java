/**
 * Internals of the client: connection wiring, retries, bounded waits and descriptor JSON. Not API:
 * anything here may change without notice.
 */
package io.flussjava.client.internal;
