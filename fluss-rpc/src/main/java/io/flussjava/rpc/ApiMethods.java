package io.flussjava.rpc;

import io.flussjava.rpc.protocol.AcquireKvSnapshotLeaseRequest;
import io.flussjava.rpc.protocol.AcquireKvSnapshotLeaseResponse;
import io.flussjava.rpc.protocol.AddServerTagRequest;
import io.flussjava.rpc.protocol.AddServerTagResponse;
import io.flussjava.rpc.protocol.AlterClusterConfigsRequest;
import io.flussjava.rpc.protocol.AlterClusterConfigsResponse;
import io.flussjava.rpc.protocol.AlterTableRequest;
import io.flussjava.rpc.protocol.AlterTableResponse;
import io.flussjava.rpc.protocol.ApiVersionsRequest;
import io.flussjava.rpc.protocol.ApiVersionsResponse;
import io.flussjava.rpc.protocol.AuthenticateRequest;
import io.flussjava.rpc.protocol.AuthenticateResponse;
import io.flussjava.rpc.protocol.CancelRebalanceRequest;
import io.flussjava.rpc.protocol.CancelRebalanceResponse;
import io.flussjava.rpc.protocol.CreateAclsRequest;
import io.flussjava.rpc.protocol.CreateAclsResponse;
import io.flussjava.rpc.protocol.CreateDatabaseRequest;
import io.flussjava.rpc.protocol.CreateDatabaseResponse;
import io.flussjava.rpc.protocol.CreatePartitionRequest;
import io.flussjava.rpc.protocol.CreatePartitionResponse;
import io.flussjava.rpc.protocol.CreateTableRequest;
import io.flussjava.rpc.protocol.CreateTableResponse;
import io.flussjava.rpc.protocol.DatabaseExistsRequest;
import io.flussjava.rpc.protocol.DatabaseExistsResponse;
import io.flussjava.rpc.protocol.DeleteProducerOffsetsRequest;
import io.flussjava.rpc.protocol.DeleteProducerOffsetsResponse;
import io.flussjava.rpc.protocol.DescribeClusterConfigsRequest;
import io.flussjava.rpc.protocol.DescribeClusterConfigsResponse;
import io.flussjava.rpc.protocol.DropAclsRequest;
import io.flussjava.rpc.protocol.DropAclsResponse;
import io.flussjava.rpc.protocol.DropDatabaseRequest;
import io.flussjava.rpc.protocol.DropDatabaseResponse;
import io.flussjava.rpc.protocol.DropKvSnapshotLeaseRequest;
import io.flussjava.rpc.protocol.DropKvSnapshotLeaseResponse;
import io.flussjava.rpc.protocol.DropPartitionRequest;
import io.flussjava.rpc.protocol.DropPartitionResponse;
import io.flussjava.rpc.protocol.DropTableRequest;
import io.flussjava.rpc.protocol.DropTableResponse;
import io.flussjava.rpc.protocol.FetchLogRequest;
import io.flussjava.rpc.protocol.FetchLogResponse;
import io.flussjava.rpc.protocol.GetDatabaseInfoRequest;
import io.flussjava.rpc.protocol.GetDatabaseInfoResponse;
import io.flussjava.rpc.protocol.GetFileSystemSecurityTokenRequest;
import io.flussjava.rpc.protocol.GetFileSystemSecurityTokenResponse;
import io.flussjava.rpc.protocol.GetKvSnapshotMetadataRequest;
import io.flussjava.rpc.protocol.GetKvSnapshotMetadataResponse;
import io.flussjava.rpc.protocol.GetLakeSnapshotRequest;
import io.flussjava.rpc.protocol.GetLakeSnapshotResponse;
import io.flussjava.rpc.protocol.GetLatestKvSnapshotsRequest;
import io.flussjava.rpc.protocol.GetLatestKvSnapshotsResponse;
import io.flussjava.rpc.protocol.GetProducerOffsetsRequest;
import io.flussjava.rpc.protocol.GetProducerOffsetsResponse;
import io.flussjava.rpc.protocol.GetTableInfoRequest;
import io.flussjava.rpc.protocol.GetTableInfoResponse;
import io.flussjava.rpc.protocol.GetTableSchemaRequest;
import io.flussjava.rpc.protocol.GetTableSchemaResponse;
import io.flussjava.rpc.protocol.GetTableStatsRequest;
import io.flussjava.rpc.protocol.GetTableStatsResponse;
import io.flussjava.rpc.protocol.InitWriterRequest;
import io.flussjava.rpc.protocol.InitWriterResponse;
import io.flussjava.rpc.protocol.LimitScanRequest;
import io.flussjava.rpc.protocol.LimitScanResponse;
import io.flussjava.rpc.protocol.ListAclsRequest;
import io.flussjava.rpc.protocol.ListAclsResponse;
import io.flussjava.rpc.protocol.ListDatabasesRequest;
import io.flussjava.rpc.protocol.ListDatabasesResponse;
import io.flussjava.rpc.protocol.ListOffsetsRequest;
import io.flussjava.rpc.protocol.ListOffsetsResponse;
import io.flussjava.rpc.protocol.ListPartitionInfosRequest;
import io.flussjava.rpc.protocol.ListPartitionInfosResponse;
import io.flussjava.rpc.protocol.ListRebalanceProgressRequest;
import io.flussjava.rpc.protocol.ListRebalanceProgressResponse;
import io.flussjava.rpc.protocol.ListTablesRequest;
import io.flussjava.rpc.protocol.ListTablesResponse;
import io.flussjava.rpc.protocol.LookupRequest;
import io.flussjava.rpc.protocol.LookupResponse;
import io.flussjava.rpc.protocol.MetadataRequest;
import io.flussjava.rpc.protocol.MetadataResponse;
import io.flussjava.rpc.protocol.PrefixLookupRequest;
import io.flussjava.rpc.protocol.PrefixLookupResponse;
import io.flussjava.rpc.protocol.ProduceLogRequest;
import io.flussjava.rpc.protocol.ProduceLogResponse;
import io.flussjava.rpc.protocol.PutKvRequest;
import io.flussjava.rpc.protocol.PutKvResponse;
import io.flussjava.rpc.protocol.RebalanceRequest;
import io.flussjava.rpc.protocol.RebalanceResponse;
import io.flussjava.rpc.protocol.RegisterProducerOffsetsRequest;
import io.flussjava.rpc.protocol.RegisterProducerOffsetsResponse;
import io.flussjava.rpc.protocol.ReleaseKvSnapshotLeaseRequest;
import io.flussjava.rpc.protocol.ReleaseKvSnapshotLeaseResponse;
import io.flussjava.rpc.protocol.RemoveServerTagRequest;
import io.flussjava.rpc.protocol.RemoveServerTagResponse;
import io.flussjava.rpc.protocol.TableExistsRequest;
import io.flussjava.rpc.protocol.TableExistsResponse;

/**
 * The APIs a client calls, each bound to its request and response message types. Use them with
 * {@link ServerConnection#send(ApiMethod, com.google.protobuf.MessageLite)}, e.g. {@code
 * connection.send(ApiMethods.CREATE_DATABASE, request)}.
 *
 * <p>Where an API goes: DDL and partition admin to the coordinator; ProduceLog, FetchLog, PutKv,
 * Lookup, PrefixLookup and ListOffsets to the bucket leader; metadata, listing and existence checks
 * to any server.
 */
public final class ApiMethods {
  private ApiMethods() {}

  public static final ApiMethod<ApiVersionsRequest, ApiVersionsResponse> API_VERSIONS =
      ApiMethod.of(ApiKey.API_VERSIONS, ApiVersionsResponse.parser());

  public static final ApiMethod<AuthenticateRequest, AuthenticateResponse> AUTHENTICATE =
      ApiMethod.of(ApiKey.AUTHENTICATE, AuthenticateResponse.parser());

  public static final ApiMethod<CreateDatabaseRequest, CreateDatabaseResponse> CREATE_DATABASE =
      ApiMethod.of(ApiKey.CREATE_DATABASE, CreateDatabaseResponse.parser());

  public static final ApiMethod<DropDatabaseRequest, DropDatabaseResponse> DROP_DATABASE =
      ApiMethod.of(ApiKey.DROP_DATABASE, DropDatabaseResponse.parser());

  public static final ApiMethod<ListDatabasesRequest, ListDatabasesResponse> LIST_DATABASES =
      ApiMethod.of(ApiKey.LIST_DATABASES, ListDatabasesResponse.parser());

  public static final ApiMethod<DatabaseExistsRequest, DatabaseExistsResponse> DATABASE_EXISTS =
      ApiMethod.of(ApiKey.DATABASE_EXISTS, DatabaseExistsResponse.parser());

  public static final ApiMethod<GetDatabaseInfoRequest, GetDatabaseInfoResponse> GET_DATABASE_INFO =
      ApiMethod.of(ApiKey.GET_DATABASE_INFO, GetDatabaseInfoResponse.parser());

  public static final ApiMethod<CreateTableRequest, CreateTableResponse> CREATE_TABLE =
      ApiMethod.of(ApiKey.CREATE_TABLE, CreateTableResponse.parser());

  public static final ApiMethod<DropTableRequest, DropTableResponse> DROP_TABLE =
      ApiMethod.of(ApiKey.DROP_TABLE, DropTableResponse.parser());

  public static final ApiMethod<AlterTableRequest, AlterTableResponse> ALTER_TABLE =
      ApiMethod.of(ApiKey.ALTER_TABLE, AlterTableResponse.parser());

  public static final ApiMethod<GetTableInfoRequest, GetTableInfoResponse> GET_TABLE_INFO =
      ApiMethod.of(ApiKey.GET_TABLE_INFO, GetTableInfoResponse.parser());

  public static final ApiMethod<ListTablesRequest, ListTablesResponse> LIST_TABLES =
      ApiMethod.of(ApiKey.LIST_TABLES, ListTablesResponse.parser());

  public static final ApiMethod<TableExistsRequest, TableExistsResponse> TABLE_EXISTS =
      ApiMethod.of(ApiKey.TABLE_EXISTS, TableExistsResponse.parser());

  public static final ApiMethod<GetTableSchemaRequest, GetTableSchemaResponse> GET_TABLE_SCHEMA =
      ApiMethod.of(ApiKey.GET_TABLE_SCHEMA, GetTableSchemaResponse.parser());

  public static final ApiMethod<GetTableStatsRequest, GetTableStatsResponse> GET_TABLE_STATS =
      ApiMethod.of(ApiKey.GET_TABLE_STATS, GetTableStatsResponse.parser());

  public static final ApiMethod<MetadataRequest, MetadataResponse> GET_METADATA =
      ApiMethod.of(ApiKey.GET_METADATA, MetadataResponse.parser());

  public static final ApiMethod<ListPartitionInfosRequest, ListPartitionInfosResponse>
      LIST_PARTITION_INFOS =
          ApiMethod.of(ApiKey.LIST_PARTITION_INFOS, ListPartitionInfosResponse.parser());

  public static final ApiMethod<CreatePartitionRequest, CreatePartitionResponse> CREATE_PARTITION =
      ApiMethod.of(ApiKey.CREATE_PARTITION, CreatePartitionResponse.parser());

  public static final ApiMethod<DropPartitionRequest, DropPartitionResponse> DROP_PARTITION =
      ApiMethod.of(ApiKey.DROP_PARTITION, DropPartitionResponse.parser());

  public static final ApiMethod<InitWriterRequest, InitWriterResponse> INIT_WRITER =
      ApiMethod.of(ApiKey.INIT_WRITER, InitWriterResponse.parser());

  public static final ApiMethod<ProduceLogRequest, ProduceLogResponse> PRODUCE_LOG =
      ApiMethod.of(ApiKey.PRODUCE_LOG, ProduceLogResponse.parser());

  public static final ApiMethod<FetchLogRequest, FetchLogResponse> FETCH_LOG =
      ApiMethod.of(ApiKey.FETCH_LOG, FetchLogResponse.parser());

  public static final ApiMethod<ListOffsetsRequest, ListOffsetsResponse> LIST_OFFSETS =
      ApiMethod.of(ApiKey.LIST_OFFSETS, ListOffsetsResponse.parser());

  public static final ApiMethod<LimitScanRequest, LimitScanResponse> LIMIT_SCAN =
      ApiMethod.of(ApiKey.LIMIT_SCAN, LimitScanResponse.parser());

  public static final ApiMethod<PutKvRequest, PutKvResponse> PUT_KV =
      ApiMethod.of(ApiKey.PUT_KV, PutKvResponse.parser());

  public static final ApiMethod<LookupRequest, LookupResponse> LOOKUP =
      ApiMethod.of(ApiKey.LOOKUP, LookupResponse.parser());

  public static final ApiMethod<PrefixLookupRequest, PrefixLookupResponse> PREFIX_LOOKUP =
      ApiMethod.of(ApiKey.PREFIX_LOOKUP, PrefixLookupResponse.parser());

  public static final ApiMethod<GetLatestKvSnapshotsRequest, GetLatestKvSnapshotsResponse>
      GET_LATEST_KV_SNAPSHOTS =
          ApiMethod.of(ApiKey.GET_LATEST_KV_SNAPSHOTS, GetLatestKvSnapshotsResponse.parser());

  public static final ApiMethod<GetKvSnapshotMetadataRequest, GetKvSnapshotMetadataResponse>
      GET_KV_SNAPSHOT_METADATA =
          ApiMethod.of(ApiKey.GET_KV_SNAPSHOT_METADATA, GetKvSnapshotMetadataResponse.parser());

  public static final ApiMethod<
          GetFileSystemSecurityTokenRequest, GetFileSystemSecurityTokenResponse>
      GET_FILESYSTEM_SECURITY_TOKEN =
          ApiMethod.of(
              ApiKey.GET_FILESYSTEM_SECURITY_TOKEN, GetFileSystemSecurityTokenResponse.parser());

  public static final ApiMethod<GetLakeSnapshotRequest, GetLakeSnapshotResponse> GET_LAKE_SNAPSHOT =
      ApiMethod.of(ApiKey.GET_LAKE_SNAPSHOT, GetLakeSnapshotResponse.parser());

  public static final ApiMethod<DescribeClusterConfigsRequest, DescribeClusterConfigsResponse>
      DESCRIBE_CLUSTER_CONFIGS =
          ApiMethod.of(ApiKey.DESCRIBE_CLUSTER_CONFIGS, DescribeClusterConfigsResponse.parser());

  public static final ApiMethod<AlterClusterConfigsRequest, AlterClusterConfigsResponse>
      ALTER_CLUSTER_CONFIGS =
          ApiMethod.of(ApiKey.ALTER_CLUSTER_CONFIGS, AlterClusterConfigsResponse.parser());

  public static final ApiMethod<CreateAclsRequest, CreateAclsResponse> CREATE_ACLS =
      ApiMethod.of(ApiKey.CREATE_ACLS, CreateAclsResponse.parser());

  public static final ApiMethod<ListAclsRequest, ListAclsResponse> LIST_ACLS =
      ApiMethod.of(ApiKey.LIST_ACLS, ListAclsResponse.parser());

  public static final ApiMethod<DropAclsRequest, DropAclsResponse> DROP_ACLS =
      ApiMethod.of(ApiKey.DROP_ACLS, DropAclsResponse.parser());

  public static final ApiMethod<AddServerTagRequest, AddServerTagResponse> ADD_SERVER_TAG =
      ApiMethod.of(ApiKey.ADD_SERVER_TAG, AddServerTagResponse.parser());

  public static final ApiMethod<RemoveServerTagRequest, RemoveServerTagResponse> REMOVE_SERVER_TAG =
      ApiMethod.of(ApiKey.REMOVE_SERVER_TAG, RemoveServerTagResponse.parser());

  public static final ApiMethod<RebalanceRequest, RebalanceResponse> REBALANCE =
      ApiMethod.of(ApiKey.REBALANCE, RebalanceResponse.parser());

  public static final ApiMethod<ListRebalanceProgressRequest, ListRebalanceProgressResponse>
      LIST_REBALANCE_PROGRESS =
          ApiMethod.of(ApiKey.LIST_REBALANCE_PROGRESS, ListRebalanceProgressResponse.parser());

  public static final ApiMethod<CancelRebalanceRequest, CancelRebalanceResponse> CANCEL_REBALANCE =
      ApiMethod.of(ApiKey.CANCEL_REBALANCE, CancelRebalanceResponse.parser());

  public static final ApiMethod<RegisterProducerOffsetsRequest, RegisterProducerOffsetsResponse>
      REGISTER_PRODUCER_OFFSETS =
          ApiMethod.of(ApiKey.REGISTER_PRODUCER_OFFSETS, RegisterProducerOffsetsResponse.parser());

  public static final ApiMethod<GetProducerOffsetsRequest, GetProducerOffsetsResponse>
      GET_PRODUCER_OFFSETS =
          ApiMethod.of(ApiKey.GET_PRODUCER_OFFSETS, GetProducerOffsetsResponse.parser());

  public static final ApiMethod<DeleteProducerOffsetsRequest, DeleteProducerOffsetsResponse>
      DELETE_PRODUCER_OFFSETS =
          ApiMethod.of(ApiKey.DELETE_PRODUCER_OFFSETS, DeleteProducerOffsetsResponse.parser());

  public static final ApiMethod<AcquireKvSnapshotLeaseRequest, AcquireKvSnapshotLeaseResponse>
      ACQUIRE_KV_SNAPSHOT_LEASE =
          ApiMethod.of(ApiKey.ACQUIRE_KV_SNAPSHOT_LEASE, AcquireKvSnapshotLeaseResponse.parser());

  public static final ApiMethod<ReleaseKvSnapshotLeaseRequest, ReleaseKvSnapshotLeaseResponse>
      RELEASE_KV_SNAPSHOT_LEASE =
          ApiMethod.of(ApiKey.RELEASE_KV_SNAPSHOT_LEASE, ReleaseKvSnapshotLeaseResponse.parser());

  public static final ApiMethod<DropKvSnapshotLeaseRequest, DropKvSnapshotLeaseResponse>
      DROP_KV_SNAPSHOT_LEASE =
          ApiMethod.of(ApiKey.DROP_KV_SNAPSHOT_LEASE, DropKvSnapshotLeaseResponse.parser());
}
