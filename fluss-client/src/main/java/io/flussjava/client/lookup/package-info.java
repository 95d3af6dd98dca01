/**
 * Point reads on primary-key tables: {@link io.flussjava.client.lookup.Lookuper} by full primary
 * key and {@link io.flussjava.client.lookup.PrefixLookuper} by a prefix of it (the bucket key),
 * both configured through {@link io.flussjava.client.lookup.TableLookup}.
 */
package io.flussjava.client.lookup;
