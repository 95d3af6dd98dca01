package io.flussjava.client.write.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.TableBucket;
import io.flussjava.log.ChangeType;
import org.junit.jupiter.api.Test;

class BucketQueueTest {
  private final WriteTarget target = WritePipelineTestSupport.kvTarget(1 << 20);
  private final TableBucket bucket = TableBucket.of(42L, 0);
  private final BucketQueue queue = new BucketQueue(bucket, 0);

  private WriteBatch newBatch() {
    WriteBatch b =
        new WriteBatch(
            target, bucket, target.takeBuilder(), 100, System.nanoTime(), 1_000_000_000L);
    b.tryAppend(new FailureLatch(), ChangeType.UPDATE_AFTER, new Object[] {1, "a"}, new byte[] {1});
    queue.addNew(b);
    return b;
  }

  @Test
  void sequencesAreAssignedOnFirstSendInOrder() {
    WriteBatch a = newBatch();
    WriteBatch b = newBatch();
    assertThat(a.isClosed()).as("adding b closes a").isTrue();
    assertThat(queue.pollForSend()).isSameAs(a);
    assertThat(queue.pollForSend()).isSameAs(b);
    assertThat(a.sequence()).isZero();
    assertThat(b.sequence()).isEqualTo(1);
    assertThat(queue.inFlight()).isEqualTo(2);
  }

  @Test
  void aRetriedBatchGoesBackAheadOfNewerOnes() {
    WriteBatch a = newBatch();
    WriteBatch b = newBatch();
    queue.pollForSend();
    queue.pollForSend();
    WriteBatch c = newBatch();
    queue.requeue(b);
    queue.requeue(a);
    assertThat(queue.pollForSend()).isSameAs(a);
    assertThat(queue.pollForSend()).isSameAs(b);
    assertThat(queue.pollForSend()).isSameAs(c);
    assertThat(c.sequence()).isEqualTo(2);
  }

  @Test
  void aRejectedBatchHandsItsSequenceToTheLaterOnes() {
    WriteBatch a = newBatch();
    WriteBatch b = newBatch();
    WriteBatch c = newBatch();
    queue.pollForSend(); // a: 0
    queue.pollForSend(); // b: 1 (in flight)
    queue.completed(a);
    queue.rejected(a);
    assertThat(b.sequence()).isZero();
    assertThat(b.wasRenumbered()).isTrue();
    assertThat(queue.pollForSend()).isSameAs(c);
    assertThat(c.sequence()).as("c had no number yet and takes the next free one").isEqualTo(1);
    WriteBatch d = newBatch();
    queue.pollForSend();
    assertThat(d.sequence()).isEqualTo(2);
  }
}
