package io.flussjava.client.admin;

/** Where a rebalance, or one bucket's move in it, stands; the codes are the wire protocol's. */
public enum RebalanceStatus {
  NOT_STARTED(0),
  REBALANCING(1),
  FAILED(2),
  COMPLETED(3),
  CANCELED(4);

  private final int code;

  RebalanceStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The value for a wire code. */
  public static RebalanceStatus forCode(int code) {
    return WireCodes.forCode(values(), code, RebalanceStatus::code, "rebalance status");
  }
}
