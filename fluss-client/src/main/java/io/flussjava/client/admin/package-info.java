/**
 * Administration of a cluster through {@link io.flussjava.client.admin.Admin}: databases, tables
 * and partitions, with the descriptors that create them ({@link
 * io.flussjava.client.admin.TableDescriptor}, {@link
 * io.flussjava.client.admin.DatabaseDescriptor}), the info objects that describe them, and offset
 * lookups ({@link io.flussjava.client.admin.OffsetSpec}).
 */
package io.flussjava.client.admin;
