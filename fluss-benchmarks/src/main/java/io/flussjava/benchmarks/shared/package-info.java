/**
 * Code both sides of the side-by-side run need: the row shapes, the deterministic row generator,
 * the row checksum and the measurement. JDK types only: this package is compiled twice, into the
 * benchmark jar and into the official client's bridge jar, so that each class loader has its own
 * copy and only JDK objects cross between them.
 */
package io.flussjava.benchmarks.shared;
