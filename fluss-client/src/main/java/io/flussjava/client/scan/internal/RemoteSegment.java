package io.flussjava.client.scan.internal;

import io.flussjava.rpc.protocol.PbRemoteLogFetchInfo;
import io.flussjava.rpc.protocol.PbRemoteLogSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tiered log segment a FetchLog answer pointed to, with the file it lives in.
 *
 * @param id the segment's UUID, which names its directory
 * @param startOffset the offset of its first record (its file's base offset)
 * @param endOffset one past the offset of its last record, where the next segment starts
 * @param sizeInBytes the size of its file
 * @param path the file: {@code <remote_log_tablet_dir>/<id>/<startOffset, 20 digits>.log}, the
 *     layout 0.9.1 servers tier with
 * @param startPosition where reading starts in the file: the batch holding the fetch offset for the
 *     first segment of an answer, 0 for the others
 */
record RemoteSegment(
    String id, long startOffset, long endOffset, int sizeInBytes, String path, int startPosition) {

  /** The segments of an answer, in offset order, as the server lists them. */
  static List<RemoteSegment> of(PbRemoteLogFetchInfo info) {
    List<RemoteSegment> out = new ArrayList<>(info.getRemoteLogSegmentsCount());
    String dir = stripTrailingSlash(info.getRemoteLogTabletDir());
    for (PbRemoteLogSegment s : info.getRemoteLogSegmentsList()) {
      int position = out.isEmpty() && info.hasFirstStartPos() ? info.getFirstStartPos() : 0;
      out.add(
          new RemoteSegment(
              s.getRemoteLogSegmentId(),
              s.getRemoteLogStartOffset(),
              s.getRemoteLogEndOffset(),
              s.getSegmentSizeInBytes(),
              filePath(dir, s.getRemoteLogSegmentId(), s.getRemoteLogStartOffset()),
              position));
    }
    return out;
  }

  static String filePath(String tabletDir, String segmentId, long startOffset) {
    return tabletDir
        + "/"
        + segmentId
        + "/"
        + String.format(Locale.ROOT, "%020d", startOffset)
        + ".log";
  }

  private static String stripTrailingSlash(String dir) {
    return dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }
}
