package io.flussjava.client.scan.internal;

import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.rpc.protocol.FetchLogRequest;
import io.flussjava.rpc.protocol.PbFetchLogReqForBucket;
import io.flussjava.rpc.protocol.PbFetchLogReqForTable;
import java.time.Duration;
import java.util.List;

/** Builds the FetchLog requests of one table's scan from the scanner's settings. */
final class FetchRequests {
  private final long tableId;
  // The columns the server keeps, in table order (the order the server sends them in); null: all
  // columns.
  private final int[] wireProjection;
  private final int maxBytes;
  private final int maxBytesForBucket;
  private final int minBytes;
  private final int maxWaitMs;
  private final Duration timeout;

  FetchRequests(long tableId, int[] wireProjection, Configuration conf) {
    this.tableId = tableId;
    this.wireProjection = wireProjection == null ? null : wireProjection.clone();
    this.maxBytes = conf.get(ClientOptions.SCANNER_FETCH_MAX_BYTES).getBytesAsInt();
    this.maxBytesForBucket =
        conf.get(ClientOptions.SCANNER_FETCH_MAX_BYTES_FOR_BUCKET).getBytesAsInt();
    this.minBytes = conf.get(ClientOptions.SCANNER_FETCH_MIN_BYTES).getBytesAsInt();
    this.maxWaitMs = (int) conf.get(ClientOptions.SCANNER_FETCH_WAIT_MAX_TIME).toMillis();
    // The server may hold a fetch for max-wait before answering: allow for it on top of the request
    // timeout.
    this.timeout = conf.get(ClientOptions.REQUEST_TIMEOUT).plusMillis(maxWaitMs);
  }

  /** One fetch of {@code buckets}, all led by the same server, each from its fetch offset. */
  FetchLogRequest build(List<BucketState> buckets) {
    PbFetchLogReqForTable.Builder table =
        PbFetchLogReqForTable.newBuilder()
            .setTableId(tableId)
            .setProjectionPushdownEnabled(wireProjection != null);
    if (wireProjection != null) {
      for (int field : wireProjection) {
        table.addProjectedFields(field);
      }
    }
    for (BucketState b : buckets) {
      PbFetchLogReqForBucket.Builder req =
          table
              .addBucketsReqBuilder()
              .setBucketId(b.bucket.bucket())
              .setFetchOffset(b.fetchOffset)
              .setMaxFetchBytes(maxBytesForBucket);
      if (b.bucket.isPartitioned()) {
        req.setPartitionId(b.bucket.partitionId());
      }
    }
    return FetchLogRequest.newBuilder()
        .setFollowerServerId(-1)
        .setMaxBytes(maxBytes)
        .setMaxWaitMs(maxWaitMs)
        .setMinBytes(minBytes)
        .addTablesReq(table)
        .build();
  }

  /** How long a fetch may take: the request timeout plus the time the server may hold it. */
  Duration timeout() {
    return timeout;
  }
}
