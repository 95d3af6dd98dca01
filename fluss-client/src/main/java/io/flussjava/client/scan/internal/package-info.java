/**
 * The log scanner in parts. Not API. {@link io.flussjava.client.scan.internal.LogScannerImpl} is
 * the facade; {@code SubscriptionState} holds the subscribed buckets and their positions, {@code
 * OffsetResolver} checks and resolves what a subscribe call names, {@code LogFetcher} sends
 * pipelined FetchLogs per leader through the {@code LeaderRouter}, {@code FetchBuffer} keeps
 * fetched responses until a poll takes them (and carries network events to the caller's thread),
 * {@code RecordDecoder} decodes what a poll returns, and {@code Poller} runs the poll loop and
 * decides when a bounded scan ends.
 */
package io.flussjava.client.scan.internal;
