package io.flussjava.examples;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.io.PrintStream;

/**
 * The fluss-java quickstart, following the Fluss Python client's guide in Java.
 *
 * <p>Run it with {@code mvn -B -q -DskipTests -Pquickstart verify}. With no {@code bootstrap.servers} (system
 * property or first argument) it starts a local cluster itself and stops it at the end; otherwise it uses the given
 * cluster.
 */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args.length > 0 ? args[0] : System.getProperty("bootstrap.servers");
    if (bootstrap != null && !bootstrap.isBlank()) {
      run(bootstrap, System.out);
      return;
    }
    System.out.println("No bootstrap.servers given: starting a local Fluss cluster (takes a few seconds)...");
    try (FlussCluster cluster = FlussCluster.builder().build()) {
      cluster.start();
      System.out.println("Local cluster up at " + cluster.bootstrapServers());
      run(cluster.bootstrapServers(), System.out);
    }
    System.out.println("Local cluster stopped.");
  }

  /** Runs every step against the cluster at {@code bootstrapServers}, printing what it does to {@code out}. */
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
      admin.createTable(users, TableDescriptor.builder().schema(userSchema).distributedBy(1, "id").build(), true);

      // A log table: appends and scans.
      Schema logSchema =
          Schema.newBuilder()
              .column("user_id", DataTypes.STRING())
              .column("event", DataTypes.STRING())
              .build();
      TablePath events = TablePath.of("my_db", "user_log");
      admin.createTable(events, TableDescriptor.builder().schema(logSchema).distributedBy(1).build(), true);
      out.println("Tables in my_db: " + admin.listTables("my_db"));

      Table table = connection.getTable("my_db.user_table");
      TableInfo info = table.getTableInfo();
      out.println("Table " + info.getTablePath() + ": id " + info.getTableId() + ", schema " + info.getSchema()
          + ", primary key " + info.getPrimaryKeys() + ", " + info.getNumBuckets() + " bucket(s)");

      admin.dropTable(events, false);
      admin.dropTable(users, false);
      admin.dropDatabase("my_db", false, false);
      out.println("Dropped my_db and its tables. Done.");
    }
  }
}
