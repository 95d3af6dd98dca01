/**
 * How Java values map to Fluss types, and how to plug in your own classes.
 *
 * <p>Every type has one canonical Java class (the table in {@link
 * io.flussjava.types.convert.TypeConverters}): reads return it and writes always accept it. Writes
 * also accept lossless alternatives (a {@code Short} for INT, an {@code OffsetDateTime} for
 * TIMESTAMP_LTZ...). Anything else is rejected with an {@link
 * io.flussjava.exception.InvalidRowException} that names the column, unless you register a {@link
 * io.flussjava.types.convert.TypeConverter} for it.
 *
 * <p>For example, to let TIMESTAMP columns accept {@code java.util.Date} and epoch milliseconds as
 * {@code Long}, both read as UTC wall-clock time:
 *
 * <pre>{@code
 * TypeConverters converters = TypeConverters.builder()
 *     .register(DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
 *         TypeConverter.input(java.util.Date.class,
 *             (date, type) -> LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC)))
 *     .register(DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
 *         TypeConverter.input(Long.class,
 *             (millis, type) -> LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC)))
 *     .build();
 *
 * RowConverter rows = new RowConverter(schema.getRowType(), converters);
 * Object[] canonical = rows.toCanonical(1L, new java.util.Date(), 1700000000000L);
 * }</pre>
 *
 * <p>Since {@code java.sql.Timestamp} extends {@code java.util.Date}, the first converter also
 * takes Timestamps (and drops their sub-millisecond digits); register a {@code java.sql.Timestamp}
 * converter first if you need them. To read TIMESTAMP columns back as {@code java.util.Date}, also
 * register {@code TypeConverter.output(java.util.Date.class, ...)} with {@code
 * TypeConverters.Builder#output}.
 */
package io.flussjava.types.convert;
