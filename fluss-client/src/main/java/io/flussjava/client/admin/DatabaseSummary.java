package io.flussjava.client.admin;

/**
 * A database with its creation time and table count ({@link Admin#listDatabaseSummaries()}).
 *
 * @param databaseName the database's name
 * @param createdTime when it was created, in epoch milliseconds
 * @param tableCount how many tables it holds
 */
public record DatabaseSummary(String databaseName, long createdTime, int tableCount) {}
