package io.flussjava.client.admin;

/** What a rebalance optimizes ({@link Admin#rebalance}); the codes are the wire protocol's. */
public enum RebalanceGoal {
  REPLICA_DISTRIBUTION(0),
  LEADER_DISTRIBUTION(1),
  RACK_AWARE(2);

  private final int code;

  RebalanceGoal(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The value for a wire code. */
  public static RebalanceGoal forCode(int code) {
    return WireCodes.forCode(values(), code, RebalanceGoal::code, "rebalance goal");
  }
}
