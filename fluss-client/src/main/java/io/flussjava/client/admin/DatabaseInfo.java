package io.flussjava.client.admin;

/**
 * A database as the server describes it: name, descriptor and its creation and modification times
 * (epoch ms).
 */
public final class DatabaseInfo {
  private final String databaseName;
  private final DatabaseDescriptor descriptor;
  private final long createdTime;
  private final long modifiedTime;

  public DatabaseInfo(
      String databaseName, DatabaseDescriptor descriptor, long createdTime, long modifiedTime) {
    this.databaseName = databaseName;
    this.descriptor = descriptor;
    this.createdTime = createdTime;
    this.modifiedTime = modifiedTime;
  }

  public String getDatabaseName() {
    return databaseName;
  }

  public DatabaseDescriptor getDescriptor() {
    return descriptor;
  }

  public long getCreatedTime() {
    return createdTime;
  }

  public long getModifiedTime() {
    return modifiedTime;
  }

  @Override
  public String toString() {
    return "DatabaseInfo{"
        + databaseName
        + ", "
        + descriptor
        + ", created="
        + createdTime
        + ", modified="
        + modifiedTime
        + "}";
  }
}
