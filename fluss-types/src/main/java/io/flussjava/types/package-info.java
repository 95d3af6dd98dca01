/**
 * Fluss data types and table schemas: {@link io.flussjava.types.DataTypes} creates types, {@link
 * io.flussjava.types.Schema} describes a table's columns and primary key. Everything here is
 * immutable.
 *
 * <p>How plain Java values map to these types, and how to plug in other Java classes, is in {@link
 * io.flussjava.types.convert}.
 */
package io.flussjava.types;
