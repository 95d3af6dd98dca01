package io.flussjava.config;

/** How a client authenticates each connection. */
public enum SecurityProtocol {
  /** No authentication. */
  PLAINTEXT,
  /**
   * SASL authentication; the mechanism is {@code client.security.sasl.mechanism} (PLAIN in Fluss
   * 0.9).
   */
  SASL
}
