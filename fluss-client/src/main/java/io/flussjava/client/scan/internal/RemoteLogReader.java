package io.flussjava.client.scan.internal;

import io.flussjava.client.internal.Futures;
import io.flussjava.client.scan.RemoteLogReadException;
import io.flussjava.log.CorruptRecordException;
import io.flussjava.log.LogBatches;
import io.flussjava.rpc.protocol.PbRemoteLogFetchInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the tiered log segments a FetchLog answer pointed a bucket to, in place of fetches: one
 * segment at a time goes into the {@link FetchBuffer} as a {@link CompletedFetch}, so it is decoded
 * like any fetched response, and once the last one is in, the bucket fetches from the server again
 * where the segments end.
 *
 * <p>Segments are fetched ahead ({@link SegmentDownloader}), oldest read first, at most {@code
 * prefetch} not yet handed to the buffer. A segment that cannot be read ends its bucket's
 * subscription with a {@link RemoteLogReadException}.
 *
 * <p>Confined to the scanner's caller thread, like the {@link LogFetcher} that drives it: finished
 * downloads only post a wakeup.
 */
final class RemoteLogReader implements AutoCloseable {
  private static final Runnable WAKEUP = () -> {};

  private final SegmentDownloader downloader;
  private final int prefetch;
  private final SubscriptionState subscriptions;
  private final FetchBuffer buffer;
  // The buckets reading remote segments, in the order they started: downloads go oldest first.
  private final Map<BucketState, BucketRead> reads = new LinkedHashMap<>();
  // Segments fetched or being fetched and not handed to the buffer yet.
  private int ahead;

  RemoteLogReader(
      SegmentDownloader downloader,
      int prefetch,
      SubscriptionState subscriptions,
      FetchBuffer buffer) {
    this.downloader = downloader;
    this.prefetch = prefetch;
    this.subscriptions = subscriptions;
    this.buffer = buffer;
  }

  /** The segments one bucket reads, how many it handed to the buffer and the fetches started. */
  private static final class BucketRead {
    final List<RemoteSegment> segments;
    final ArrayDeque<CompletableFuture<SegmentFile>> started = new ArrayDeque<>();
    int handed;

    BucketRead(List<RemoteSegment> segments) {
      this.segments = segments;
    }

    boolean hasUnstarted() {
      return handed + started.size() < segments.size();
    }

    RemoteSegment nextUnstarted() {
      return segments.get(handed + started.size());
    }

    boolean isDone() {
      return handed == segments.size();
    }
  }

  /**
   * Reads {@code b} from the segments of a FetchLog answer; its fetches wait until they are all
   * handed to the buffer. False if the answer lists no segment.
   */
  boolean start(BucketState b, PbRemoteLogFetchInfo info) {
    List<RemoteSegment> segments = RemoteSegment.of(info);
    if (segments.isEmpty()) {
      return false;
    }
    b.readingRemote = true;
    reads.put(b, new BucketRead(segments));
    return true;
  }

  /** Whether a bucket is reading remote segments. */
  boolean isReading(BucketState b) {
    return reads.containsKey(b);
  }

  /**
   * Drops the reads of buckets no longer subscribed or read to their end, hands ready segments to
   * the buffer and starts downloads up to the prefetch bound. Run at every turn of the poll loop.
   */
  void pump() {
    startDownloads(); // first too: a segment read in place is ready at once
    List<BucketState> failed = null;
    List<RuntimeException> failures = null;
    for (Iterator<Map.Entry<BucketState, BucketRead>> it = reads.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<BucketState, BucketRead> e = it.next();
      BucketState b = e.getKey();
      BucketRead read = e.getValue();
      if (!subscriptions.isCurrent(b)) {
        abandon(read);
        it.remove();
        continue;
      }
      try {
        handOver(b, read);
      } catch (RemoteLogReadException error) {
        abandon(read);
        it.remove();
        failed = failed == null ? new ArrayList<>() : failed;
        failures = failures == null ? new ArrayList<>() : failures;
        failed.add(b);
        failures.add(error);
        continue;
      }
      if (read.isDone() || b.fetchOffset >= b.endOffset) {
        abandon(read); // read to the end, or to the end a bounded scan stops at
        b.readingRemote = false;
        it.remove();
      }
    }
    for (int i = 0; failed != null && i < failed.size(); i++) {
      // After the loop: ending changes the subscriptions.
      buffer.end(subscriptions, failed.get(i), failures.get(i));
    }
    startDownloads(); // into the places segments handed over freed
  }

  /**
   * Hands the bucket's next segment to the buffer once it is ready and every record before it was
   * returned: so a segment that turns out unreadable fails the poll after those records, not
   * instead of them. Mapping a segment takes no time worth overlapping with decoding; downloads run
   * ahead meanwhile.
   */
  private void handOver(BucketState b, BucketRead read) {
    CompletableFuture<SegmentFile> next = read.started.peek();
    if (next == null || !next.isDone() || b.buffered > 0 || b.decoding) {
      return;
    }
    RemoteSegment segment = read.segments.get(read.handed++);
    read.started.poll();
    ahead--;
    SegmentFile file;
    try {
      file = next.join();
    } catch (RuntimeException e) {
      throw failure(b, segment, Futures.unwrap(e));
    }
    try {
      ByteBuffer records = file.map(segment.startPosition(), segment.sizeInBytes());
      long end = LogBatches.nextOffset(records);
      if (end < segment.endOffset()) {
        throw new CorruptRecordException(
            end,
            "the segment's batches end at offset "
                + end
                + ", the server listed it up to "
                + segment.endOffset());
      }
      if (end > b.fetchOffset) {
        buffer.add(new CompletedFetch(b, b.fetchOffset, records, segment.path()));
        b.fetchOffset = end;
      }
    } catch (IOException | RuntimeException e) {
      throw failure(b, segment, e);
    } finally {
      file.release(); // "read": the mapping stays valid after the download is deleted
    }
  }

  private static RemoteLogReadException failure(
      BucketState b, RemoteSegment segment, Throwable cause) {
    Throwable c = cause instanceof UncheckedIOException u ? u.getCause() : cause;
    String problem =
        c instanceof NoSuchFileException
            ? "the file does not exist"
            : c instanceof CorruptRecordException
                ? "the segment is damaged: " + c.getMessage()
                : c.toString();
    return new RemoteLogReadException(b.bucket, b.fetchOffset, segment.path(), problem, c);
  }

  private void startDownloads() {
    for (BucketRead read : reads.values()) {
      while (ahead < prefetch && read.hasUnstarted()) {
        CompletableFuture<SegmentFile> future = downloader.fetch(read.nextUnstarted());
        future.whenComplete((file, error) -> buffer.post(WAKEUP));
        read.started.add(future);
        ahead++;
      }
    }
  }

  /** Gives up a read: downloads still running delete their file when they finish. */
  private void abandon(BucketRead read) {
    CompletableFuture<SegmentFile> f;
    while ((f = read.started.poll()) != null) {
      ahead--;
      f.thenAccept(SegmentFile::release);
    }
  }

  /** Drops every read and stops the downloads; their files go with the download directory. */
  @Override
  public void close() {
    reads.values().forEach(this::abandon);
    reads.clear();
    downloader.close();
  }
}
