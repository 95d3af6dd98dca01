/** Lookup batching and key/value decoding. Not API. */
package io.flussjava.client.lookup.internal;
