package io.flussjava.client.admin;

import java.util.Objects;

/**
 * One change of a dynamic server configuration ({@link Admin#alterClusterConfigs}).
 *
 * <pre>{@code
 * admin.alterClusterConfigs(List.of(AlterConfig.set("datalake.format", "paimon")));
 * }</pre>
 *
 * @param key the {@code server.yaml} key
 * @param value the value to set, append or subtract; {@code null} for {@link Op#DELETE}
 * @param op what to do with the value
 */
public record AlterConfig(String key, String value, Op op) {
  /** How the value changes the configuration; the codes are the wire protocol's. */
  public enum Op {
    /** Sets the key to the value. */
    SET(0),
    /** Removes the dynamic value, so the key falls back to {@code server.yaml}. */
    DELETE(1),
    /** Adds the value to a list-valued key. */
    APPEND(2),
    /** Removes the value from a list-valued key. */
    SUBTRACT(3);

    private final int code;

    Op(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  public AlterConfig {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(op, "op");
    if (op != Op.DELETE) {
      Objects.requireNonNull(value, "value");
    }
  }

  public static AlterConfig set(String key, String value) {
    return new AlterConfig(key, value, Op.SET);
  }

  public static AlterConfig delete(String key) {
    return new AlterConfig(key, null, Op.DELETE);
  }

  public static AlterConfig append(String key, String value) {
    return new AlterConfig(key, value, Op.APPEND);
  }

  public static AlterConfig subtract(String key, String value) {
    return new AlterConfig(key, value, Op.SUBTRACT);
  }
}
