/**
 * The client's cached view of the cluster: servers, table info and bucket leaders, refreshed on
 * demand and when a server says the view is stale. Not API.
 */
package io.flussjava.client.metadata;
