package io.flussjava.client.admin;

import java.util.Objects;

/**
 * What an ACL protects: the cluster, a database, or a table.
 *
 * @param type the kind of resource
 * @param name its name as the server writes it: {@code fluss-cluster}, the database's name, or
 *     {@code db.table}; {@code *} for every resource of the type
 */
public record AclResource(AclResourceType type, String name) {
  /** The cluster's resource name on the wire. */
  public static final String CLUSTER_NAME = "fluss-cluster";

  public AclResource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
  }

  public static AclResource cluster() {
    return new AclResource(AclResourceType.CLUSTER, CLUSTER_NAME);
  }

  public static AclResource database(String databaseName) {
    return new AclResource(AclResourceType.DATABASE, databaseName);
  }

  public static AclResource table(TablePath path) {
    return new AclResource(
        AclResourceType.TABLE, path.getDatabaseName() + "." + path.getTableName());
  }
}
