package io.flussjava.exception;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every error code of the Fluss wire protocol (0.9.1), mapped once to the exception type a caller
 * sees.
 *
 * <p>Codes are the contract, names are for people: a code this client does not know still becomes
 * an {@link ApiException} carrying that number, never a silent success. Whether an error is worth
 * retrying, and whether it means the client's metadata is stale, is encoded in the exception's type
 * ({@link RetriableException}, {@link InvalidMetadataException}) so that retry logic tests types
 * instead of parsing messages.
 */
public enum Errors {
  UNKNOWN_SERVER_ERROR(-1, Kind.PLAIN, UnknownServerException::new),
  NONE(0, Kind.PLAIN, null),
  NETWORK_EXCEPTION(1, Kind.INVALID_METADATA, NetworkException::new),
  UNSUPPORTED_VERSION(2, Kind.PLAIN, UnsupportedVersionException::new),
  CORRUPT_MESSAGE(3, Kind.RETRIABLE, null),
  DATABASE_NOT_EXIST(4, Kind.PLAIN, DatabaseNotExistException::new),
  DATABASE_NOT_EMPTY(5, Kind.PLAIN, DatabaseNotEmptyException::new),
  DATABASE_ALREADY_EXIST(6, Kind.PLAIN, DatabaseAlreadyExistException::new),
  TABLE_NOT_EXIST(7, Kind.PLAIN, TableNotExistException::new),
  TABLE_ALREADY_EXIST(8, Kind.PLAIN, TableAlreadyExistException::new),
  SCHEMA_NOT_EXIST(9, Kind.RETRIABLE, null),
  LOG_STORAGE_EXCEPTION(10, Kind.RETRIABLE, null),
  KV_STORAGE_EXCEPTION(11, Kind.RETRIABLE, null),
  NOT_LEADER_OR_FOLLOWER(12, Kind.INVALID_METADATA, NotLeaderOrFollowerException::new),
  RECORD_TOO_LARGE_EXCEPTION(13, Kind.PLAIN, RecordTooLargeException::new),
  CORRUPT_RECORD_EXCEPTION(14, Kind.RETRIABLE, null),
  INVALID_TABLE_EXCEPTION(15, Kind.PLAIN, InvalidTableException::new),
  INVALID_DATABASE_EXCEPTION(16, Kind.PLAIN, InvalidDatabaseException::new),
  INVALID_REPLICATION_FACTOR(17, Kind.PLAIN, InvalidReplicationFactorException::new),
  INVALID_REQUIRED_ACKS(18, Kind.PLAIN, null),
  LOG_OFFSET_OUT_OF_RANGE_EXCEPTION(19, Kind.PLAIN, LogOffsetOutOfRangeException::new),
  NON_PRIMARY_KEY_TABLE_EXCEPTION(20, Kind.PLAIN, NonPrimaryKeyTableException::new),
  UNKNOWN_TABLE_OR_BUCKET_EXCEPTION(21, Kind.INVALID_METADATA, UnknownTableOrBucketException::new),
  INVALID_UPDATE_VERSION_EXCEPTION(22, Kind.PLAIN, null),
  INVALID_COORDINATOR_EXCEPTION(23, Kind.PLAIN, null),
  FENCED_LEADER_EPOCH_EXCEPTION(24, Kind.PLAIN, null),
  REQUEST_TIME_OUT(25, Kind.RETRIABLE, null),
  STORAGE_EXCEPTION(26, Kind.RETRIABLE, null),
  OPERATION_NOT_ATTEMPTED_EXCEPTION(27, Kind.PLAIN, null),
  NOT_ENOUGH_REPLICAS_AFTER_APPEND_EXCEPTION(28, Kind.RETRIABLE, null),
  NOT_ENOUGH_REPLICAS_EXCEPTION(29, Kind.RETRIABLE, null),
  SECURITY_TOKEN_EXCEPTION(30, Kind.PLAIN, null),
  OUT_OF_ORDER_SEQUENCE_EXCEPTION(31, Kind.PLAIN, OutOfOrderSequenceException::new),
  DUPLICATE_SEQUENCE_EXCEPTION(32, Kind.PLAIN, DuplicateSequenceException::new),
  UNKNOWN_WRITER_ID_EXCEPTION(33, Kind.PLAIN, UnknownWriterIdException::new),
  INVALID_COLUMN_PROJECTION(34, Kind.PLAIN, InvalidColumnProjectionException::new),
  INVALID_TARGET_COLUMN(35, Kind.PLAIN, InvalidTargetColumnException::new),
  PARTITION_NOT_EXISTS(36, Kind.PLAIN, PartitionNotExistException::new),
  TABLE_NOT_PARTITIONED_EXCEPTION(37, Kind.PLAIN, TableNotPartitionedException::new),
  INVALID_TIMESTAMP_EXCEPTION(38, Kind.PLAIN, null),
  INVALID_CONFIG_EXCEPTION(39, Kind.PLAIN, null),
  LAKE_STORAGE_NOT_CONFIGURED_EXCEPTION(40, Kind.PLAIN, LakeStorageNotConfiguredException::new),
  KV_SNAPSHOT_NOT_EXIST(41, Kind.PLAIN, KvSnapshotNotExistException::new),
  PARTITION_ALREADY_EXISTS(42, Kind.PLAIN, PartitionAlreadyExistsException::new),
  PARTITION_SPEC_INVALID_EXCEPTION(43, Kind.PLAIN, PartitionSpecInvalidException::new),
  LEADER_NOT_AVAILABLE_EXCEPTION(44, Kind.INVALID_METADATA, LeaderNotAvailableException::new),
  PARTITION_MAX_NUM_EXCEPTION(45, Kind.PLAIN, null),
  AUTHENTICATE_EXCEPTION(46, Kind.PLAIN, AuthenticationException::new),
  SECURITY_DISABLED_EXCEPTION(47, Kind.PLAIN, SecurityDisabledException::new),
  AUTHORIZATION_EXCEPTION(48, Kind.PLAIN, AuthorizationException::new),
  BUCKET_MAX_NUM_EXCEPTION(49, Kind.PLAIN, null),
  FENCED_TIERING_EPOCH_EXCEPTION(50, Kind.PLAIN, null),
  RETRIABLE_AUTHENTICATE_EXCEPTION(51, Kind.RETRIABLE, null),
  INVALID_SERVER_RACK_INFO_EXCEPTION(52, Kind.PLAIN, null),
  LAKE_SNAPSHOT_NOT_EXIST(53, Kind.PLAIN, LakeSnapshotNotExistException::new),
  LAKE_TABLE_ALREADY_EXIST(54, Kind.PLAIN, null),
  INELIGIBLE_REPLICA_EXCEPTION(55, Kind.PLAIN, null),
  INVALID_ALTER_TABLE_EXCEPTION(56, Kind.PLAIN, null),
  DELETION_DISABLED_EXCEPTION(57, Kind.PLAIN, null),
  SERVER_NOT_EXIST_EXCEPTION(58, Kind.PLAIN, ServerNotExistException::new),
  SEVER_TAG_ALREADY_EXIST_EXCEPTION(59, Kind.PLAIN, ServerTagAlreadyExistException::new),
  SEVER_TAG_NOT_EXIST_EXCEPTION(60, Kind.PLAIN, ServerTagNotExistException::new),
  REBALANCE_FAILURE_EXCEPTION(61, Kind.PLAIN, RebalanceFailureException::new),
  NO_REBALANCE_IN_PROGRESS_EXCEPTION(62, Kind.PLAIN, NoRebalanceInProgressException::new),
  INVALID_PRODUCER_ID_EXCEPTION(63, Kind.PLAIN, null);

  /** How the client reacts to an error: give up, retry, or refresh metadata and retry. */
  enum Kind {
    PLAIN,
    RETRIABLE,
    INVALID_METADATA
  }

  private static final Map<Integer, Errors> BY_CODE = new HashMap<>();
  private static final String SERVER_CONFIG_EXCEPTION =
      "org.apache.fluss.exception.ConfigException";

  static {
    for (Errors e : values()) {
      BY_CODE.put(e.code, e);
    }
  }

  private final int code;
  private final Kind kind;
  private final Function<String, ApiException> factory;

  Errors(int code, Kind kind, Function<String, ApiException> factory) {
    this.code = code;
    this.kind = kind;
    this.factory = factory;
  }

  public int code() {
    return code;
  }

  public boolean isRetriable() {
    return kind != Kind.PLAIN;
  }

  /**
   * The error for a wire code, or {@link #UNKNOWN_SERVER_ERROR} for a code this client does not
   * know.
   */
  public static Errors forCode(int code) {
    return BY_CODE.getOrDefault(code, UNKNOWN_SERVER_ERROR);
  }

  /** Builds the typed exception for this error. */
  public ApiException exception(String message) {
    if (this == INVALID_CONFIG_EXCEPTION) {
      return new InvalidConfigException(message);
    }
    if (factory != null) {
      return factory.apply(message);
    }
    switch (kind) {
      case INVALID_METADATA:
        return new InvalidMetadataException(this, message);
      case RETRIABLE:
        return new RetriableException(this, message);
      default:
        return new ApiException(this, message);
    }
  }

  /**
   * The exception for a code received from a server. A code this client does not know keeps its
   * number in the exception, named {@code UNKNOWN_ERROR_CODE}.
   */
  public static ApiException exceptionFor(int code, String serverMessage) {
    String message =
        serverMessage == null || serverMessage.isEmpty()
            ? "(no message from server)"
            : serverMessage;
    if (!BY_CODE.containsKey(code)) {
      return new ApiException(code, "UNKNOWN_ERROR_CODE", message, null);
    }
    // The 0.9.1 coordinator answers a refused configuration change (a key that cannot change at run
    // time, a bad value) with the generic code and its exception's class name, not with
    // INVALID_CONFIG_EXCEPTION: the class name is the only thing that tells it apart.
    if (code == UNKNOWN_SERVER_ERROR.code && message.startsWith(SERVER_CONFIG_EXCEPTION)) {
      return new InvalidConfigException(message);
    }
    return forCode(code).exception(message);
  }
}
