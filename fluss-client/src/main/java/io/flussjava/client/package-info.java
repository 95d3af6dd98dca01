/**
 * The entry points of fluss-java: {@link io.flussjava.client.Connection}, one per cluster, and the
 * {@link io.flussjava.client.Table} handles obtained from it. Administration, writing, scanning and
 * lookups live in the {@code admin}, {@code write}, {@code scan} and {@code lookup} subpackages;
 * packages named {@code internal} are not API.
 */
package io.flussjava.client;
