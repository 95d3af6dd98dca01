/** The log scanner's fetch pipeline and decoding. Not API. */
package io.flussjava.client.scan.internal;
