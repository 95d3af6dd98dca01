package io.flussjava.client.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One partition of a partitioned table, as {@link Admin#listPartitionInfos(TablePath)} reports it:
 * the id the server gave it, its spec (partition key → value, in partition-key order) and its name,
 * the values joined with {@code $}.
 *
 * <pre>{@code
 * for (PartitionInfo p : admin.listPartitionInfos(path)) {
 *   System.out.println(p.getPartitionName() + " -> " + p.getPartitionId());   // e.g. "2024-06-01$EU -> 17"
 *   scanner.subscribeFromBeginning(p.getPartitionId(), 0);
 * }
 * }</pre>
 */
public final class PartitionInfo {
  private final long partitionId;
  private final PartitionSpec spec;
  private final String partitionName;

  public PartitionInfo(long partitionId, PartitionSpec spec) {
    this.partitionId = partitionId;
    this.spec = Objects.requireNonNull(spec, "spec");
    this.partitionName = String.join("$", new ArrayList<>(spec.getSpecMap().values()));
  }

  public long getPartitionId() {
    return partitionId;
  }

  public PartitionSpec getPartitionSpec() {
    return spec;
  }

  /**
   * The partition's name: its values in partition-key order joined with {@code $}, e.g. {@code
   * 2024-06-01$EU}.
   */
  public String getPartitionName() {
    return partitionName;
  }

  /** The partition's values in partition-key order. */
  public List<String> getPartitionValues() {
    return List.copyOf(spec.getSpecMap().values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartitionInfo
        && ((PartitionInfo) o).partitionId == partitionId
        && ((PartitionInfo) o).spec.equals(spec);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partitionId, spec);
  }

  @Override
  public String toString() {
    return "PartitionInfo{id=" + partitionId + ", name=" + partitionName + "}";
  }
}
