package io.flussjava.rpc;

/**
 * Every API of the Fluss 0.9.1 wire protocol: its numeric key and the highest version this client
 * speaks.
 *
 * <p>The version sent in a request header is the lower of {@link #clientMaxVersion()} and the
 * server's maximum from its ApiVersions answer. Only PutKv, Lookup and PrefixLookup have a version
 * 1 (same bytes; version 1 tells the server the client understands tables whose bucket key differs
 * from their primary key).
 */
public enum ApiKey {
  API_VERSIONS(1000, 0),
  CREATE_DATABASE(1001, 0),
  DROP_DATABASE(1002, 0),
  LIST_DATABASES(1003, 0),
  DATABASE_EXISTS(1004, 0),
  CREATE_TABLE(1005, 0),
  DROP_TABLE(1006, 0),
  GET_TABLE_INFO(1007, 0),
  LIST_TABLES(1008, 0),
  LIST_PARTITION_INFOS(1009, 0),
  TABLE_EXISTS(1010, 0),
  GET_TABLE_SCHEMA(1011, 0),
  GET_METADATA(1012, 0),
  /** Server-to-server only; listed so that every key has a name. */
  UPDATE_METADATA(1013, 0),
  PRODUCE_LOG(1014, 0),
  FETCH_LOG(1015, 0),
  PUT_KV(1016, 1),
  LOOKUP(1017, 1),
  /** Server-to-server only; listed so that every key has a name. */
  NOTIFY_LEADER_AND_ISR(1018, 0),
  /** Server-to-server only; listed so that every key has a name. */
  STOP_REPLICA(1019, 0),
  /** Server-to-server only; listed so that every key has a name. */
  ADJUST_ISR(1020, 0),
  LIST_OFFSETS(1021, 0),
  /** Server-to-server only; listed so that every key has a name. */
  COMMIT_KV_SNAPSHOT(1022, 0),
  GET_LATEST_KV_SNAPSHOTS(1023, 0),
  GET_KV_SNAPSHOT_METADATA(1024, 0),
  GET_FILESYSTEM_SECURITY_TOKEN(1025, 0),
  INIT_WRITER(1026, 0),
  /** Server-to-server only; listed so that every key has a name. */
  COMMIT_REMOTE_LOG_MANIFEST(1027, 0),
  /** Server-to-server only; listed so that every key has a name. */
  NOTIFY_REMOTE_LOG_OFFSETS(1028, 0),
  /** Server-to-server only; listed so that every key has a name. */
  NOTIFY_KV_SNAPSHOT_OFFSET(1029, 0),
  /** Server-to-server only; listed so that every key has a name. */
  COMMIT_LAKE_TABLE_SNAPSHOT(1030, 0),
  /** Server-to-server only; listed so that every key has a name. */
  NOTIFY_LAKE_TABLE_OFFSET(1031, 0),
  GET_LAKE_SNAPSHOT(1032, 0),
  LIMIT_SCAN(1033, 0),
  PREFIX_LOOKUP(1034, 1),
  GET_DATABASE_INFO(1035, 0),
  CREATE_PARTITION(1036, 0),
  DROP_PARTITION(1037, 0),
  AUTHENTICATE(1038, 0),
  CREATE_ACLS(1039, 0),
  LIST_ACLS(1040, 0),
  DROP_ACLS(1041, 0),
  /** Server-to-server only; listed so that every key has a name. */
  LAKE_TIERING_HEARTBEAT(1042, 0),
  /** Server-to-server only; listed so that every key has a name. */
  CONTROLLED_SHUTDOWN(1043, 0),
  ALTER_TABLE(1044, 0),
  DESCRIBE_CLUSTER_CONFIGS(1045, 0),
  ALTER_CLUSTER_CONFIGS(1046, 0),
  ADD_SERVER_TAG(1047, 0),
  REMOVE_SERVER_TAG(1048, 0),
  REBALANCE(1049, 0),
  LIST_REBALANCE_PROGRESS(1050, 0),
  CANCEL_REBALANCE(1051, 0),
  /** Server-to-server only; listed so that every key has a name. */
  PREPARE_LAKE_TABLE_SNAPSHOT(1052, 0),
  REGISTER_PRODUCER_OFFSETS(1053, 0),
  GET_PRODUCER_OFFSETS(1054, 0),
  DELETE_PRODUCER_OFFSETS(1055, 0),
  ACQUIRE_KV_SNAPSHOT_LEASE(1056, 0),
  RELEASE_KV_SNAPSHOT_LEASE(1057, 0),
  DROP_KV_SNAPSHOT_LEASE(1058, 0),
  GET_TABLE_STATS(1059, 0);

  private static final int FIRST_ID = 1000;
  private static final ApiKey[] BY_ID = indexById();

  private final short id;
  private final short clientMaxVersion;

  ApiKey(int id, int clientMaxVersion) {
    this.id = (short) id;
    this.clientMaxVersion = (short) clientMaxVersion;
  }

  /** The numeric key sent in the request header (1000..1059). */
  public short id() {
    return id;
  }

  /** The highest version of this API this client implements. */
  public short clientMaxVersion() {
    return clientMaxVersion;
  }

  /**
   * Position of this key in a dense table indexed from the first key; used for per-connection
   * version tables.
   */
  public int index() {
    return id - FIRST_ID;
  }

  /** The key with this numeric id, or {@code null} for an id this client does not know. */
  public static ApiKey forId(int id) {
    int index = id - FIRST_ID;
    return index >= 0 && index < BY_ID.length ? BY_ID[index] : null;
  }

  /** Number of keys; every {@link #index()} is below it. */
  public static int count() {
    return BY_ID.length;
  }

  private static ApiKey[] indexById() {
    ApiKey[] keys = values();
    ApiKey[] byId = new ApiKey[keys.length];
    for (ApiKey key : keys) {
      int index = key.id - FIRST_ID;
      if (index < 0 || index >= byId.length || byId[index] != null) {
        throw new ExceptionInInitializerError(
            "API keys must be dense from " + FIRST_ID + ": " + key);
      }
      byId[index] = key;
    }
    return byId;
  }
}
