package io.flussjava.arrow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Decompresses a fetched record batch before Arrow's {@code VectorLoader} sees it, and frees a
 * batch whose load failed. Arrow's loader leaks the buffers it already decompressed or retained
 * when a corrupt batch makes it fail half-way; doing the decompression here, and force-releasing
 * every buffer of a failed batch, keeps a stream of corrupt batches from slowly eating the reader's
 * memory.
 */
final class BatchBuffers {
  private BatchBuffers() {}

  /**
   * The batch with every buffer decompressed (no body compression left), or the batch itself when
   * it was not compressed. Takes over {@code batch}: on success and on failure it is released.
   */
  static ArrowRecordBatch decompressed(
      ArrowRecordBatch batch, CompressionCodec.Factory codecs, BufferAllocator allocator)
      throws IOException {
    CompressionUtil.CodecType type =
        CompressionUtil.CodecType.fromCompressionType(batch.getBodyCompression().getCodec());
    if (type == CompressionUtil.CodecType.NO_COMPRESSION) {
      return batch;
    }
    List<ArrowBuf> out = new ArrayList<>(batch.getBuffers().size());
    boolean done = false;
    try {
      CompressionCodec codec = codecs.createCodec(type);
      for (ArrowBuf compressed : batch.getBuffers()) {
        // decompress() consumes one reference of its input; the batch keeps its own.
        compressed.getReferenceManager().retain();
        out.add(
            compressed.writerIndex() == 0 ? compressed : codec.decompress(allocator, compressed));
      }
      ArrowRecordBatch result =
          new ArrowRecordBatch(batch.getLength(), batch.getNodes(), out); // retains each
      done = true;
      return result;
    } catch (RuntimeException e) {
      throw new IOException(
          "cannot decompress the batch's " + type + " buffers: " + e.getMessage(), e);
    } finally {
      if (done) {
        out.forEach(ArrowBuf::close);
        batch.close();
      } else {
        // A codec may fail after taking some references: drop them all rather than count them.
        forceRelease(batch.getBuffers());
        forceRelease(out);
      }
    }
  }

  /**
   * Drops every reference to these buffers' memory, however many were taken (after a failed load).
   */
  static void forceRelease(List<ArrowBuf> buffers) {
    Set<ReferenceManager> managers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ArrowBuf b : buffers) {
      managers.add(b.getReferenceManager());
    }
    for (ReferenceManager m : managers) {
      while (m.getRefCount() > 0) {
        m.release();
      }
    }
  }
}
