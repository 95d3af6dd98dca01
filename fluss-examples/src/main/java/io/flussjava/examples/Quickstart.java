package io.flussjava.examples;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The fluss-java quickstart, following the Fluss Python client's guide in Java.
 *
 * <p>Run it with {@code mvn -B -q -DskipTests -Pquickstart verify}. With no {@code
 * bootstrap.servers} (system property or first argument) it starts a local cluster itself and stops
 * it at the end; otherwise it uses the given cluster.
 */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args.length > 0 ? args[0] : System.getProperty("bootstrap.servers");
    if (bootstrap != null && !bootstrap.isBlank()) {
      run(bootstrap, System.out);
      return;
    }
    System.out.println(
        "No bootstrap.servers given: starting a local Fluss cluster (takes a few seconds)...");
    try (FlussCluster cluster = FlussCluster.builder().build()) {
      cluster.start();
      System.out.println("Local cluster up at " + cluster.bootstrapServers());
      run(cluster.bootstrapServers(), System.out);
    }
    System.out.println("Local cluster stopped.");
  }

  /**
   * Runs every step against the cluster at {@code bootstrapServers}, printing what it does to
   * {@code out}.
   */
  public static void run(String bootstrapServers, PrintStream out) {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", bootstrapServers);

    try (Connection connection = Connection.create(conf)) {
      Admin admin = connection.getAdmin();

      // A database with a comment and a custom property.
      DatabaseDescriptor dbDescriptor =
          DatabaseDescriptor.builder()
              .comment("This is a test database")
              .customProperty("owner", "data-team")
              .build();
      admin.createDatabase("my_db", dbDescriptor, true);
      out.println("Databases: " + admin.listDatabases());

      // A primary-key table: upserts and lookups by id.
      Schema userSchema =
          Schema.newBuilder()
              .column("id", DataTypes.STRING())
              .column("age", DataTypes.INT())
              .column("created_at", DataTypes.TIMESTAMP())
              .column("is_active", DataTypes.BOOLEAN())
              .primaryKey("id")
              .build();
      TablePath users = TablePath.of("my_db", "user_table");
      admin.createTable(
          users, TableDescriptor.builder().schema(userSchema).distributedBy(1, "id").build(), true);

      // A log table: appends and scans.
      Schema logSchema =
          Schema.newBuilder()
              .column("user_id", DataTypes.STRING())
              .column("event", DataTypes.STRING())
              .build();
      TablePath events = TablePath.of("my_db", "user_log");
      admin.createTable(
          events, TableDescriptor.builder().schema(logSchema).distributedBy(1).build(), true);
      out.println("Tables in my_db: " + admin.listTables("my_db"));

      Table table = connection.getTable("my_db.user_table");
      TableInfo info = table.getTableInfo();
      out.println(
          "Table "
              + info.getTablePath()
              + ": id "
              + info.getTableId()
              + ", schema "
              + info.getSchema()
              + ", primary key "
              + info.getPrimaryKeys()
              + ", "
              + info.getNumBuckets()
              + " bucket(s)");

      // Upsert rows given as plain Java values in column order, then flush.
      try (UpsertWriter writer = table.newUpsert().createWriter()) {
        writer.upsert("1", 20, LocalDateTime.now(), true);
        writer.upsert("2", 22, LocalDateTime.now(), true);
        writer.upsert("1", 21, LocalDateTime.now(), false); // same key: replaces the first row
        writer.flush();
      }
      out.println("Upserted 3 rows (2 keys) into my_db.user_table");

      // Look up by primary key: the row comes back typed, or null.
      try (Lookuper lookuper = table.newLookup().createLookuper()) {
        List<Object> found = lookuper.lookup("1");
        out.println("Lookup id=1 -> " + (found == null ? "not found" : found));
        List<Object> missing = lookuper.lookup("3");
        out.println("Lookup id=3 -> " + (missing == null ? "not found" : missing));
      }

      // Append to the log table and scan it back from the beginning of every bucket.
      Table log = connection.getTable("my_db.user_log");
      try (AppendWriter writer = log.newAppend().createWriter()) {
        writer.append("user_log_1", "login_event");
        writer.append(List.of("user_log_2", "logout_event"));
        writer.flush();
      }
      out.println("Appended 2 rows to my_db.user_log");
      try (LogScanner scanner = log.newScan().createLogScanner()) {
        for (int bucket = 0; bucket < log.getTableInfo().getNumBuckets(); bucket++) {
          scanner.subscribeFromBeginning(bucket);
        }
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen < 2 && System.nanoTime() < deadline) {
          for (ScanRecord record : scanner.poll(Duration.ofSeconds(1))) {
            out.println(
                "Scanned "
                    + record.changeType().shortString()
                    + " "
                    + record.getRow()
                    + " at offset "
                    + record.offset());
            seen++;
          }
        }
      }

      admin.dropTable(events, false);
      admin.dropTable(users, false);
      admin.dropDatabase("my_db", false, false);
      out.println("Dropped my_db and its tables. Done.");
    }
  }
}
