package io.flussjava.interop.official;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.fluss.client.Connection;
import org.apache.fluss.client.ConnectionFactory;
import org.apache.fluss.client.admin.Admin;
import org.apache.fluss.client.lookup.LookupResult;
import org.apache.fluss.client.lookup.Lookuper;
import org.apache.fluss.client.table.Table;
import org.apache.fluss.client.table.scanner.Scan;
import org.apache.fluss.client.table.scanner.ScanRecord;
import org.apache.fluss.client.table.scanner.log.LogScanner;
import org.apache.fluss.client.table.scanner.log.ScanRecords;
import org.apache.fluss.client.table.writer.AppendWriter;
import org.apache.fluss.client.table.writer.Upsert;
import org.apache.fluss.client.table.writer.UpsertWriter;
import org.apache.fluss.config.ConfigOption;
import org.apache.fluss.config.ConfigOptions;
import org.apache.fluss.config.Configuration;
import org.apache.fluss.metadata.Schema;
import org.apache.fluss.metadata.TableBucket;
import org.apache.fluss.metadata.TableDescriptor;
import org.apache.fluss.metadata.TableInfo;
import org.apache.fluss.metadata.TablePath;
import org.apache.fluss.row.BinaryString;
import org.apache.fluss.row.Decimal;
import org.apache.fluss.row.GenericArray;
import org.apache.fluss.row.GenericMap;
import org.apache.fluss.row.GenericRow;
import org.apache.fluss.row.InternalArray;
import org.apache.fluss.row.InternalMap;
import org.apache.fluss.row.InternalRow;
import org.apache.fluss.row.TimestampLtz;
import org.apache.fluss.row.TimestampNtz;
import org.apache.fluss.types.ArrayType;
import org.apache.fluss.types.DataType;
import org.apache.fluss.types.DataTypes;
import org.apache.fluss.types.DecimalType;
import org.apache.fluss.types.MapType;
import org.apache.fluss.types.RowType;

/**
 * Runs inside the isolated class loader next to the official client. Takes and returns JDK types
 * only, so the test side never touches an official class: {@code apply(new Object[] {command,
 * bootstrap, db, table, args...})}.
 *
 * <p>Row values cross the boundary as the JDK types of fluss-java's type table (String, BigDecimal,
 * LocalDate, LocalTime, LocalDateTime, Instant, byte[], boxed primitives) and are converted here to
 * and from the official client's internal row types (BinaryString, Decimal, TimestampNtz,
 * TimestampLtz, days and millis as int).
 *
 * <p>Commands:
 *
 * <ul>
 *   <li>{@code describeTable}, {@code createAllTypesTable}: table metadata as a map.
 *   <li>{@code scan(expectedRows, projection or null, timeoutMs)}: subscribes every bucket from the
 *       beginning and polls until at least {@code expectedRows} records arrived; returns one map
 *       per record with {@code bucket}, {@code offset}, {@code changeType} (short string such as
 *       {@code +A}) and {@code row} (list of values).
 *   <li>{@code append(rows)}: appends the rows and flushes.
 *   <li>{@code write(ops, partialColumns or null)}: each op is {@code [ "upsert" | "delete", row
 *       ]}, in order; flushes.
 *   <li>{@code lookup(keys)}: one primary-key lookup per key (values in primary-key order); the
 *       found row or null.
 *   <li>{@code prefixLookup(columns, prefixes)}: for each prefix the list of rows found.
 * </ul>
 */
public final class OfficialClientBridge implements Function<Object[], Object> {
  private static final Map<String, Connection> CONNECTIONS = new ConcurrentHashMap<>();
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Connection c : CONNECTIONS.values()) {
                    try {
                      c.close();
                    } catch (Exception ignored) {
                      // shutting down anyway
                    }
                  }
                },
                "official-client-bridge-close"));
  }

  /**
   * Every client key of the official client ({@code client.*}, {@code netty.client.*}) that has a
   * default, with that default written as the official client writes it: read off its {@code
   * ConfigOptions} by reflection, so a key added upstream shows up here without a change.
   */
  private static Map<String, String> clientConfigDefaults() {
    Configuration conf = new Configuration();
    for (java.lang.reflect.Field f : ConfigOptions.class.getFields()) {
      if (f.getType() != ConfigOption.class) {
        continue;
      }
      try {
        @SuppressWarnings("unchecked")
        ConfigOption<Object> option = (ConfigOption<Object>) f.get(null);
        String key = option.key();
        if ((key.startsWith("client.") || key.startsWith("netty.client."))
            && option.defaultValue() != null) {
          conf.set(option, option.defaultValue());
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return new LinkedHashMap<>(conf.toMap());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object apply(Object[] call) {
    String command = (String) call[0];
    if (command.equals("clientConfigDefaults")) {
      return clientConfigDefaults();
    }
    try {
      Connection connection = connection((String) call[1]);
      Admin admin = connection.getAdmin();
      TablePath path = TablePath.of((String) call[2], (String) call[3]);
      switch (command) {
        case "describeTable":
          return describe(admin.getTableInfo(path).get());
        case "createAllTypesTable":
          admin.createTable(path, allTypesDescriptor(), false).get();
          return describe(admin.getTableInfo(path).get());
        case "scan":
          try (Table table = connection.getTable(path)) {
            return scan(table, (Integer) call[4], (List<String>) call[5], (Long) call[6]);
          }
        case "append":
          try (Table table = connection.getTable(path)) {
            return append(table, (List<List<Object>>) call[4]);
          }
        case "write":
          try (Table table = connection.getTable(path)) {
            return write(table, (List<List<Object>>) call[4], (List<String>) call[5]);
          }
        case "lookup":
          try (Table table = connection.getTable(path)) {
            return lookup(table, (List<List<Object>>) call[4]);
          }
        case "prefixLookup":
          try (Table table = connection.getTable(path)) {
            return prefixLookup(table, (List<String>) call[4], (List<List<Object>>) call[5]);
          }
        default:
          throw new IllegalArgumentException("unknown bridge command " + command);
      }
    } catch (Exception e) {
      // Only JDK exception types may cross the loader boundary.
      throw new IllegalStateException("official client failed on " + command + ": " + e, e);
    }
  }

  private static Connection connection(String bootstrap) {
    return CONNECTIONS.computeIfAbsent(
        bootstrap,
        b -> {
          Configuration conf = new Configuration();
          conf.setString("bootstrap.servers", b);
          return ConnectionFactory.createConnection(conf);
        });
  }

  // ----------------------------------------------------------------------------------------------
  // log scans

  private static List<Map<String, Object>> scan(
      Table table, int expected, List<String> projection, long timeoutMs) throws Exception {
    TableInfo info = table.getTableInfo();
    RowType rowType =
        projection == null ? info.getRowType() : info.getRowType().project(projection);
    Scan scan = table.newScan();
    if (projection != null) {
      scan = scan.project(projection);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    try (LogScanner scanner = scan.createLogScanner()) {
      for (int b = 0; b < info.getNumBuckets(); b++) {
        scanner.subscribeFromBeginning(b);
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
      boolean settled = false;
      while (!settled && System.nanoTime() < deadline) {
        // One more short poll once the expected count is reached, so that extra records
        // (duplicates) show up too.
        boolean reached = out.size() >= expected;
        ScanRecords records = scanner.poll(Duration.ofMillis(reached ? 300 : 200));
        settled = reached && records.isEmpty();
        for (TableBucket bucket : records.buckets()) {
          for (ScanRecord r : records.records(bucket)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bucket", bucket.getBucket());
            m.put("offset", r.logOffset());
            m.put("changeType", r.getChangeType().shortString());
            m.put("row", toJava(r.getRow(), rowType));
            out.add(m);
          }
        }
      }
    }
    return out;
  }

  // ----------------------------------------------------------------------------------------------
  // writes

  private static Integer append(Table table, List<List<Object>> rows) throws Exception {
    RowType rowType = table.getTableInfo().getRowType();
    AppendWriter writer = table.newAppend().createWriter();
    List<CompletableFuture<?>> acks = new ArrayList<>();
    for (List<Object> row : rows) {
      acks.add(writer.append(toInternal(row, rowType)));
    }
    writer.flush();
    CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0]))
        .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return rows.size();
  }

  private static Integer write(Table table, List<List<Object>> ops, List<String> partialColumns)
      throws Exception {
    RowType rowType = table.getTableInfo().getRowType();
    Upsert upsert = table.newUpsert();
    if (partialColumns != null) {
      upsert = upsert.partialUpdate(partialColumns.toArray(new String[0]));
    }
    UpsertWriter writer = upsert.createWriter();
    List<CompletableFuture<?>> acks = new ArrayList<>();
    for (List<Object> op : ops) {
      String kind = (String) op.get(0);
      @SuppressWarnings("unchecked")
      GenericRow row = toInternal((List<Object>) op.get(1), rowType);
      switch (kind) {
        case "upsert":
          acks.add(writer.upsert(row));
          break;
        case "delete":
          acks.add(writer.delete(row));
          break;
        default:
          throw new IllegalArgumentException("unknown write op " + kind);
      }
    }
    writer.flush();
    CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0]))
        .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return ops.size();
  }

  // ----------------------------------------------------------------------------------------------
  // lookups

  private static List<List<Object>> lookup(Table table, List<List<Object>> keys) throws Exception {
    TableInfo info = table.getTableInfo();
    RowType keyType = info.getRowType().project(info.getPrimaryKeys());
    Lookuper lookuper = table.newLookup().createLookuper();
    // All at once: the official lookuper batches keys (waiting up to its batch timeout), one by one
    // would be slow.
    List<CompletableFuture<LookupResult>> pending = new ArrayList<>();
    for (List<Object> key : keys) {
      pending.add(lookuper.lookup(toInternal(key, keyType)));
    }
    List<List<Object>> out = new ArrayList<>();
    for (CompletableFuture<LookupResult> f : pending) {
      InternalRow row = f.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS).getSingletonRow();
      out.add(row == null ? null : toJava(row, info.getRowType()));
    }
    return out;
  }

  private static List<List<List<Object>>> prefixLookup(
      Table table, List<String> columns, List<List<Object>> prefixes) throws Exception {
    TableInfo info = table.getTableInfo();
    RowType prefixType = info.getRowType().project(columns);
    Lookuper lookuper = table.newLookup().lookupBy(columns).createLookuper();
    List<CompletableFuture<LookupResult>> pending = new ArrayList<>();
    for (List<Object> prefix : prefixes) {
      pending.add(lookuper.lookup(toInternal(prefix, prefixType)));
    }
    List<List<List<Object>>> out = new ArrayList<>();
    for (CompletableFuture<LookupResult> f : pending) {
      LookupResult result = f.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<List<Object>> rows = new ArrayList<>();
      for (InternalRow row : result.getRowList()) {
        rows.add(toJava(row, info.getRowType()));
      }
      out.add(rows);
    }
    return out;
  }

  // ----------------------------------------------------------------------------------------------
  // conversions

  /** JDK values (fluss-java's type table) to a row of the official client's internal types. */
  private static GenericRow toInternal(List<Object> values, RowType rowType) {
    if (values.size() != rowType.getFieldCount()) {
      throw new IllegalArgumentException(
          "row has "
              + values.size()
              + " values but the row type "
              + rowType
              + " has "
              + rowType.getFieldCount());
    }
    GenericRow row = new GenericRow(values.size());
    for (int i = 0; i < values.size(); i++) {
      row.setField(i, toInternal(values.get(i), rowType.getTypeAt(i)));
    }
    return row;
  }

  private static Object toInternal(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    switch (type.getTypeRoot()) {
      case CHAR:
      case STRING:
        return BinaryString.fromString((String) v);
      case DECIMAL:
        DecimalType d = (DecimalType) type;
        Decimal decimal = Decimal.fromBigDecimal((BigDecimal) v, d.getPrecision(), d.getScale());
        if (decimal == null) {
          throw new IllegalArgumentException(v + " does not fit " + type);
        }
        return decimal;
      case DATE:
        return (int) ((LocalDate) v).toEpochDay();
      case TIME_WITHOUT_TIME_ZONE:
        return (int) (((LocalTime) v).toNanoOfDay() / 1_000_000L);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return TimestampNtz.fromLocalDateTime((LocalDateTime) v);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return TimestampLtz.fromInstant((Instant) v);
      case BOOLEAN:
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case FLOAT:
      case DOUBLE:
      case BINARY:
      case BYTES:
        return v;
      case ARRAY:
        List<?> elements = (List<?>) v;
        DataType elementType = ((ArrayType) type).getElementType();
        Object[] internal = new Object[elements.size()];
        for (int i = 0; i < internal.length; i++) {
          internal[i] = toInternal(elements.get(i), elementType);
        }
        return new GenericArray(internal);
      case MAP:
        MapType mapType = (MapType) type;
        Map<Object, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          entries.put(
              toInternal(e.getKey(), mapType.getKeyType()),
              toInternal(e.getValue(), mapType.getValueType()));
        }
        return new GenericMap(entries);
      case ROW:
        @SuppressWarnings("unchecked")
        List<Object> fields = (List<Object>) v;
        return toInternal(fields, (RowType) type);
      default:
        throw new IllegalArgumentException("bridge cannot convert values of type " + type);
    }
  }

  /** A row of the official client to JDK values (fluss-java's type table). */
  private static List<Object> toJava(InternalRow row, RowType rowType) {
    InternalRow.FieldGetter[] getters = InternalRow.createFieldGetters(rowType);
    if (row.getFieldCount() != getters.length) {
      throw new IllegalStateException(
          "row has "
              + row.getFieldCount()
              + " fields but the row type "
              + rowType
              + " has "
              + getters.length);
    }
    List<Object> out = new ArrayList<>(getters.length);
    for (int i = 0; i < getters.length; i++) {
      out.add(toJava(getters[i].getFieldOrNull(row), rowType.getTypeAt(i)));
    }
    return out;
  }

  private static Object toJava(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    switch (type.getTypeRoot()) {
      case CHAR:
      case STRING:
        return ((BinaryString) v).toString();
      case DECIMAL:
        return ((Decimal) v).toBigDecimal();
      case DATE:
        return LocalDate.ofEpochDay((Integer) v);
      case TIME_WITHOUT_TIME_ZONE:
        return LocalTime.ofNanoOfDay((Integer) v * 1_000_000L);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return ((TimestampNtz) v).toLocalDateTime();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return ((TimestampLtz) v).toInstant();
      case BINARY:
      case BYTES:
        return ((byte[]) v).clone();
      case ARRAY:
        return toJava((InternalArray) v, ((ArrayType) type).getElementType());
      case MAP:
        MapType mapType = (MapType) type;
        InternalMap map = (InternalMap) v;
        List<Object> keys = toJava(map.keyArray(), mapType.getKeyType());
        List<Object> values = toJava(map.valueArray(), mapType.getValueType());
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
          out.put(keys.get(i), values.get(i));
        }
        return out;
      case ROW:
        return toJava((InternalRow) v, (RowType) type);
      default:
        return v;
    }
  }

  private static List<Object> toJava(InternalArray array, DataType elementType) {
    InternalArray.ElementGetter getter = InternalArray.createElementGetter(elementType);
    List<Object> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(toJava(getter.getElementOrNull(array, i), elementType));
    }
    return out;
  }

  // ----------------------------------------------------------------------------------------------
  // metadata

  private static TableDescriptor allTypesDescriptor() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("c_boolean", DataTypes.BOOLEAN())
            .column("c_tinyint", DataTypes.TINYINT())
            .column("c_smallint", DataTypes.SMALLINT())
            .column("c_bigint", DataTypes.BIGINT())
            .column("c_float", DataTypes.FLOAT())
            .column("c_double", DataTypes.DOUBLE())
            .column("c_decimal", DataTypes.DECIMAL(10, 2))
            .column("c_decimal_big", DataTypes.DECIMAL(38, 18))
            .column("c_char", DataTypes.CHAR(5))
            .column("c_string", DataTypes.STRING())
            .withComment("a string column")
            .column("c_binary", DataTypes.BINARY(4))
            .column("c_bytes", DataTypes.BYTES())
            .column("c_date", DataTypes.DATE())
            .column("c_time", DataTypes.TIME())
            .column("c_ts", DataTypes.TIMESTAMP())
            .column("c_ts3", DataTypes.TIMESTAMP(3))
            .column("c_ltz", DataTypes.TIMESTAMP_LTZ())
            .column("c_ltz9", DataTypes.TIMESTAMP_LTZ(9))
            .column("c_array", DataTypes.ARRAY(DataTypes.STRING()))
            .column("c_map", DataTypes.MAP(DataTypes.INT().copy(false), DataTypes.DOUBLE()))
            .column(
                "c_row",
                DataTypes.ROW(
                    DataTypes.FIELD("a", DataTypes.INT()),
                    DataTypes.FIELD("b", DataTypes.STRING())))
            .primaryKey("id")
            .build();
    return TableDescriptor.builder()
        .schema(schema)
        .distributedBy(2, "id")
        .comment("created by the official client")
        .customProperty("creator", "official")
        .build();
  }

  private static Map<String, Object> describe(TableInfo info) {
    Map<String, Object> out = new LinkedHashMap<>();
    Schema schema = info.getSchema();
    List<String> columns = new ArrayList<>();
    for (Schema.Column c : schema.getColumns()) {
      columns.add(
          c.getName()
              + " "
              + c.getDataType().asSummaryString()
              + c.getComment().map(x -> " '" + x + "'").orElse(""));
    }
    out.put("columns", columns);
    out.put("schemaJson", new String(schema.toJsonBytes(), StandardCharsets.UTF_8));
    out.put("primaryKey", new ArrayList<>(info.getPrimaryKeys()));
    out.put("numBuckets", info.getNumBuckets());
    out.put("bucketKeys", new ArrayList<>(info.getBucketKeys()));
    out.put("partitionKeys", new ArrayList<>(info.getPartitionKeys()));
    out.put("properties", new LinkedHashMap<>(info.getProperties().toMap()));
    out.put("customProperties", new LinkedHashMap<>(info.getCustomProperties().toMap()));
    out.put("comment", info.getComment().orElse(null));
    out.put("tableId", info.getTableId());
    return out;
  }
}
