/**
 * Machinery behind {@link io.flussjava.testkit.FlussCluster}: server jar resolution, port
 * allocation, config files, child JVM launching and the readiness probe.
 *
 * <p><b>Not API.</b> Everything here may change or disappear in any release; use the types in
 * {@code io.flussjava.testkit} instead.
 */
package io.flussjava.testkit.internal;
