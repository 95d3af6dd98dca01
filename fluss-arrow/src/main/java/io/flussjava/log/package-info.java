/**
 * The log record batch SPI: what the writer and the scanner use to turn rows into Fluss log batches
 * and back, without knowing the record format.
 *
 * <ul>
 *   <li>{@link io.flussjava.log.LogFormats} picks the {@link io.flussjava.log.LogFormatCodec} a
 *       table names in {@code table.log.format} (ARROW, INDEXED or COMPACTED built in);
 *   <li>the codec creates a {@link io.flussjava.log.LogBatchWriter} (rows to one batch at a time,
 *       with header and CRC) and a {@link io.flussjava.log.LogBatchReader} (FetchLog bytes back to
 *       rows, or to Arrow vectors); the scanner reads a response through the reader's {@link
 *       io.flussjava.log.LogRecordCursor}, a poll's worth of records at a time, which a reader of
 *       another format gets for free (decoding the response at once) or overrides to decode only
 *       what is taken;
 *   <li>{@link io.flussjava.log.ArrowCompressions} picks the ARROW body compression ({@code
 *       table.log.arrow.compression.type}: NONE, LZ4_FRAME, ZSTD);
 *   <li>{@link io.flussjava.log.LogBatches} rewrites the writer id and sequence of a built batch.
 * </ul>
 *
 * <p>Both registries are open. A codec for another format is found through {@code
 * META-INF/services/io.flussjava.log.LogFormatCodec}, or registered by hand before the first table
 * uses it:
 *
 * <pre>{@code
 * public final class CsvLogFormat implements LogFormatCodec {
 *   public String name() { return "CSV"; }
 *   public LogBatchWriter createWriter(LogWriteContext context) { return new CsvBatchWriter(context); }
 *   public LogBatchReader createReader(LogReadContext context) { return new CsvBatchReader(context); }
 * }
 *
 * LogFormats.register(new CsvLogFormat());
 * LogFormatCodec codec = LogFormats.forTable(Map.of("table.log.format", "csv")); // names are case-insensitive
 * try (BufferAllocator allocator = new RootAllocator();
 *     LogBatchWriter writer = codec.createWriter(new LogWriteContext(rowType, props, 1 << 20, allocator))) {
 *   writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {1L, "a"});
 *   ByteBuffer batch = writer.build(schemaId, -1L, -1);
 * }
 * }</pre>
 *
 * <p>An {@link io.flussjava.log.ArrowCompression} is plugged in the same way ({@code
 * META-INF/services/io.flussjava.log.ArrowCompression} or {@link
 * io.flussjava.log.ArrowCompressions#register}).
 *
 * <p>Rows are arrays of canonical Java values, one per column (see {@code
 * io.flussjava.types.convert}): Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal,
 * String, byte[], LocalDate, LocalTime, LocalDateTime (TIMESTAMP), Instant (TIMESTAMP_LTZ), List
 * (ARRAY, ROW) and Map (MAP).
 */
package io.flussjava.log;
