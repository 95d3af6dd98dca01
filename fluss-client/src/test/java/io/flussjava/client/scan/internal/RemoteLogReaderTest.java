package io.flussjava.client.scan.internal;

import static io.flussjava.client.scan.internal.FetcherTestKit.batches;
import static io.flussjava.client.scan.internal.FetcherTestKit.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.fs.LocalFileSystem;
import io.flussjava.client.fs.RemoteFileSystem;
import io.flussjava.client.fs.RemoteFileSystems;
import io.flussjava.client.fs.UnsupportedFileSystemException;
import io.flussjava.client.scan.RemoteLogReadException;
import io.flussjava.client.scan.internal.FetcherTestKit.FakeClock;
import io.flussjava.rpc.protocol.PbRemoteLogFetchInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote segment reader with an in-memory file system that must be downloaded from and a
 * download "thread" the test runs by hand: no cluster, no threads, no sleeps.
 */
class RemoteLogReaderTest {
  private static final String TABLET_DIR = "mem://bucket/log/db/t-7/0";

  @TempDir Path tmp;

  private final FakeClock clock = new FakeClock();
  private final SubscriptionState subscriptions = new SubscriptionState(clock);
  private final FetchBuffer buffer = new FetchBuffer();
  private final MemoryFileSystem memory = new MemoryFileSystem();
  private final ManualExecutor downloads = new ManualExecutor();
  private RemoteLogReader reader;

  private RemoteLogReader reader(int prefetch, RemoteFileSystems fileSystems) {
    reader =
        new RemoteLogReader(
            new SegmentDownloader(fileSystems, tmp.resolve("io"), () -> downloads),
            prefetch,
            subscriptions,
            buffer);
    return reader;
  }

  private RemoteLogReader reader(int prefetch) {
    return reader(prefetch, RemoteFileSystems.of(new LocalFileSystem(), memory));
  }

  @AfterEach
  void close() {
    if (reader != null) {
      reader.close();
    }
  }

  /** Segments of 10 offsets each from {@code from}, stored in the memory file system. */
  private PbRemoteLogFetchInfo segments(String dir, long from, int count, int firstStartPos) {
    PbRemoteLogFetchInfo.Builder info =
        PbRemoteLogFetchInfo.newBuilder()
            .setRemoteLogTabletDir(dir)
            .setFirstStartPos(firstStartPos);
    for (int i = 0; i < count; i++) {
      long start = from + 10L * i;
      byte[] content = batches(start, start + 10, 5);
      String id = "seg-" + start;
      memory.files.put(RemoteSegment.filePath(dir, id, start), content);
      info.addRemoteLogSegmentsBuilder()
          .setRemoteLogSegmentId(id)
          .setRemoteLogStartOffset(start)
          .setRemoteLogEndOffset(start + 10)
          .setSegmentSizeInBytes(content.length);
    }
    return info.build();
  }

  private BucketState subscribe(long offset, long endOffset) {
    subscriptions.subscribe(bucket(0), offset, endOffset);
    return subscriptions.all().iterator().next();
  }

  /** Takes the buffered fetch as a poll would, and returns all its records as read. */
  private CompletedFetch take() {
    CompletedFetch fetch = buffer.take(subscriptions);
    assertThat(fetch).as("a buffered fetch").isNotNull();
    return fetch;
  }

  private List<Path> downloadedFiles() throws IOException {
    if (!Files.exists(tmp.resolve("io"))) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(tmp.resolve("io"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void segmentsGoToTheBufferOneAtATimeInOrderThenFetchingResumesWhereTheyEnd() throws Exception {
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(0, Long.MAX_VALUE);
    assertThat(r.start(b, segments(TABLET_DIR, 0, 3, 0))).isTrue();
    assertThat(b.isFetchable(clock.nanoTime())).as("no fetch while reading remotely").isFalse();

    r.pump();
    assertThat(downloads.queued()).isEqualTo(3); // all three within the prefetch bound
    assertThat(buffer.hasCompleted()).isFalse(); // nothing downloaded yet
    downloads.runAll();
    buffer.runEvents();
    r.pump();

    for (long start = 0; start < 30; start += 10) {
      CompletedFetch fetch = take();
      assertThat(fetch.fetchOffset()).isEqualTo(start);
      assertThat(fetch.remotePath()).endsWith(String.format("/seg-%d/%020d.log", start, start));
      assertThat(buffer.hasCompleted()).isFalse(); // one segment at a time
      r.pump();
    }
    assertThat(b.fetchOffset).isEqualTo(30);
    assertThat(r.isReading(b)).isFalse();
    assertThat(b.isFetchable(clock.nanoTime())).as("fetching resumes at offset 30").isTrue();
    assertThat(downloadedFiles()).as("downloads are deleted once handed over").isEmpty();
  }

  @Test
  void atMostPrefetchSegmentsAreFetchedAheadOfReading() {
    RemoteLogReader r = reader(2);
    BucketState b = subscribe(0, Long.MAX_VALUE);
    r.start(b, segments(TABLET_DIR, 0, 5, 0));

    r.pump();
    assertThat(downloads.queued()).isEqualTo(2);
    downloads.runAll();
    r.pump(); // the first goes to the buffer, which frees a place for the third
    assertThat(downloads.queued()).isEqualTo(1);
    r.pump();
    assertThat(downloads.queued()).as("the second waits in the buffer's queue").isEqualTo(1);
    downloads.runAll();
    take();
    r.pump();
    assertThat(downloads.queued()).isEqualTo(1); // the fourth
  }

  @Test
  void theNextSegmentWaitsUntilThePollReturnedTheRecordsBeforeIt() {
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(0, Long.MAX_VALUE);
    r.start(b, segments(TABLET_DIR, 0, 2, 0));
    r.pump();
    downloads.runAll();
    r.pump();
    take();
    b.decoding = true; // a poll took the segment and has records of it left
    r.pump();
    assertThat(buffer.hasCompleted()).isFalse();
    b.decoding = false;
    r.pump();
    assertThat(buffer.hasCompleted()).isTrue();
  }

  @Test
  void theFirstSegmentIsReadFromTheStartPositionAndOffsetsBeforeTheFetchOffsetAreSkipped() {
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(7, Long.MAX_VALUE);
    int secondBatch = batches(0, 5, 5).length; // offsets 5..9 start here
    r.start(b, segments(TABLET_DIR, 0, 1, secondBatch));
    r.pump();
    downloads.runAll();
    r.pump();

    CompletedFetch fetch = take();
    assertThat(fetch.fetchOffset()).isEqualTo(7); // the decoder skips 5 and 6
    assertThat(fetch.records().remaining()).isEqualTo(secondBatch);
    assertThat(b.fetchOffset).isEqualTo(10);
  }

  @Test
  void aMissingFileEndsTheBucketWithATypedErrorNamingBucketOffsetAndPath() {
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(0, Long.MAX_VALUE);
    PbRemoteLogFetchInfo info = segments(TABLET_DIR, 0, 2, 0);
    String missing = RemoteSegment.filePath(TABLET_DIR, "seg-10", 10);
    memory.files.remove(missing);
    r.start(b, info);
    r.pump();
    downloads.runAll();
    r.pump();
    take(); // the first segment is fine
    r.pump();

    assertThat(subscriptions.isEmpty()).as("the bucket's subscription ended").isTrue();
    assertThatThrownBy(buffer::throwError)
        .isInstanceOfSatisfying(
            RemoteLogReadException.class,
            e -> {
              assertThat(e.bucket()).isEqualTo(bucket(0));
              assertThat(e.offset()).isEqualTo(10);
              assertThat(e.remotePath()).isEqualTo(missing);
              assertThat(e).hasCauseInstanceOf(NoSuchFileException.class);
            })
        .hasMessageContaining("does not exist");
  }

  @Test
  void anUnknownSchemeFailsNamingIt() {
    RemoteLogReader r = reader(4, RemoteFileSystems.of(new LocalFileSystem()));
    BucketState b = subscribe(0, Long.MAX_VALUE);
    r.start(b, segments("oss://bucket/log/db/t-7/0", 0, 1, 0));
    r.pump();
    r.pump();
    assertThatThrownBy(buffer::throwError)
        .isInstanceOf(RemoteLogReadException.class)
        .hasMessageContaining("oss://bucket/log/db/t-7/0/seg-0/")
        .hasRootCauseInstanceOf(UnsupportedFileSystemException.class)
        .rootCause()
        .hasMessageContaining("scheme 'oss'");
  }

  @Test
  void aTruncatedSegmentIsReportedNotSkipped() {
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(0, Long.MAX_VALUE);
    PbRemoteLogFetchInfo info = segments(TABLET_DIR, 0, 1, 0);
    String path = RemoteSegment.filePath(TABLET_DIR, "seg-0", 0);
    byte[] whole = memory.files.get(path);
    // As listed, but the second batch is cut short: its records must not vanish silently.
    memory.files.put(path, java.util.Arrays.copyOf(whole, whole.length - 4));
    r.start(
        b,
        info.toBuilder()
            .setRemoteLogSegments(
                0, info.getRemoteLogSegments(0).toBuilder().setSegmentSizeInBytes(whole.length - 4))
            .build());
    r.pump();
    downloads.runAll();
    r.pump();
    assertThatThrownBy(buffer::throwError)
        .isInstanceOf(RemoteLogReadException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining(path);
  }

  @Test
  void aBoundedReadStopsReadingSegmentsAtItsEnd() {
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(0, 15);
    r.start(b, segments(TABLET_DIR, 0, 3, 0));
    r.pump();
    downloads.runAll();
    r.pump();
    take();
    r.pump();
    take();
    r.pump();
    assertThat(r.isReading(b)).isFalse();
    assertThat(buffer.hasCompleted()).as("the third segment lies past the end").isFalse();
    assertThat(b.isFetchedToEnd()).isTrue();
  }

  @Test
  void unsubscribingAbandonsTheReadAndDeletesItsDownloads() throws Exception {
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(0, Long.MAX_VALUE);
    r.start(b, segments(TABLET_DIR, 0, 3, 0));
    r.pump();
    downloads.runAll();
    assertThat(downloadedFiles()).hasSize(3);

    subscriptions.unsubscribe(bucket(0));
    r.pump();
    assertThat(r.isReading(b)).isFalse();
    assertThat(downloadedFiles()).isEmpty();
  }

  @Test
  void closeStopsTheDownloadThreadsAndDeletesTheDownloadDirectory() throws Exception {
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(0, Long.MAX_VALUE);
    r.start(b, segments(TABLET_DIR, 0, 2, 0));
    r.pump();
    downloads.runAll();
    assertThat(downloadedFiles()).hasSize(2);

    r.close();
    reader = null;
    assertThat(downloads.isShutdown()).isTrue();
    try (Stream<Path> left = Files.list(tmp.resolve("io"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void localFilesAreReadInPlaceWithoutDownloadThreads() throws Exception {
    Path dir = tmp.resolve("remote/log/db/t-7/0");
    byte[] content = batches(0, 10, 5);
    Path file = Path.of(RemoteSegment.filePath(dir.toString(), "seg-0", 0));
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    RemoteLogReader r = reader(4);
    BucketState b = subscribe(0, Long.MAX_VALUE);
    r.start(
        b,
        PbRemoteLogFetchInfo.newBuilder()
            .setRemoteLogTabletDir(dir.toString())
            .addRemoteLogSegments(
                io.flussjava.rpc.protocol.PbRemoteLogSegment.newBuilder()
                    .setRemoteLogSegmentId("seg-0")
                    .setRemoteLogStartOffset(0)
                    .setRemoteLogEndOffset(10)
                    .setSegmentSizeInBytes(content.length))
            .build());
    r.pump();
    assertThat(downloads.queued()).isZero();
    assertThat(take().remotePath()).isEqualTo(file.toString());
    assertThat(file).as("never deleted: it is the cluster's copy").exists();
  }

  /** Files in a map, only readable as streams (like an object store): they must be downloaded. */
  static final class MemoryFileSystem implements RemoteFileSystem {
    final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public Set<String> schemes() {
      return Set.of("mem");
    }

    @Override
    public boolean exists(URI file) {
      return files.containsKey(file.toString());
    }

    @Override
    public InputStream open(URI file) throws IOException {
      byte[] content = files.get(file.toString());
      if (content == null) {
        throw new NoSuchFileException(file.toString());
      }
      return new ByteArrayInputStream(content);
    }
  }

  /** Runs submitted tasks only when the test says so, on the test's thread. */
  static final class ManualExecutor extends AbstractExecutorService {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean shutdown;

    int queued() {
      return tasks.size();
    }

    void runAll() {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        task.run();
      }
    }

    @Override
    public void execute(Runnable command) {
      tasks.add(command);
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      List<Runnable> left = List.copyOf(tasks);
      tasks.clear();
      return left;
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
