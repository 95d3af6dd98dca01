package io.flussjava.client.admin;

import java.util.Optional;

/**
 * One server configuration as the coordinator reports it ({@link Admin#describeClusterConfigs()}).
 *
 * @param key the {@code server.yaml} key
 * @param value its effective value; empty when the key has none
 * @param source where the value comes from, as the server names it (e.g. {@code
 *     INITIAL_SERVER_CONFIG} for {@code server.yaml}, {@code DYNAMIC_SERVER_CONFIG} for a value set
 *     with {@link Admin#alterClusterConfigs})
 */
public record ConfigEntry(String key, Optional<String> value, String source) {}
