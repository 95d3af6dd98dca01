/**
 * Reading a table's log: {@link io.flussjava.client.scan.TableScan} configures a scan (projection,
 * limit), which creates either a streaming {@link io.flussjava.client.scan.LogScanner} or a bounded
 * reader that ends at the offsets seen when it started, as rows ({@link
 * io.flussjava.client.scan.BoundedReader}) or as Arrow batches ({@link
 * io.flussjava.client.scan.BoundedArrowReader}).
 */
package io.flussjava.client.scan;
