package io.flussjava.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Client settings as key/value strings, read through typed {@link ConfigOption}s.
 *
 * <pre>{@code
 * Configuration conf = new Configuration();
 * conf.setString("bootstrap.servers", "localhost:9123");
 * conf.set(ClientOptions.REQUEST_TIMEOUT, Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Values are kept as text and parsed when read, so a bad value fails with an {@link
 * io.flussjava.exception.InvalidConfigException} naming the key, the value and the expected form.
 * {@code Connection.create} checks every key and value up front. Not thread-safe while being
 * modified; a connection takes a copy.
 */
public final class Configuration {
  private final Map<String, String> values = new LinkedHashMap<>();

  public Configuration() {}

  /** A configuration holding the given key/value pairs. */
  public static Configuration fromMap(Map<String, String> map) {
    Configuration c = new Configuration();
    map.forEach(c::setString);
    return c;
  }

  public Configuration setString(String key, String value) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("configuration key must not be blank");
    }
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key.trim(), value);
    }
    return this;
  }

  public <T> Configuration set(ConfigOption<T> option, T value) {
    option.validate(value, option.isSensitive() ? "***" : option.format(value));
    values.put(option.key(), option.format(value));
    return this;
  }

  /**
   * The value of an option, or its default when unset (which may be {@code null} for keys without
   * one).
   */
  public <T> T get(ConfigOption<T> option) {
    String text = values.get(option.key());
    return text == null ? option.defaultValue() : option.parse(text);
  }

  /** The value of an option if it was set explicitly. */
  public <T> Optional<T> getOptional(ConfigOption<T> option) {
    String text = values.get(option.key());
    return text == null ? Optional.empty() : Optional.of(option.parse(text));
  }

  public Optional<String> getString(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String getString(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  public boolean containsKey(String key) {
    return values.containsKey(key);
  }

  /** An unmodifiable view of the raw key/value pairs (secrets included: do not log it). */
  public Map<String, String> toMap() {
    return Collections.unmodifiableMap(values);
  }

  public Configuration copy() {
    return fromMap(values);
  }

  /** Lists the settings with secrets masked, so that a configuration can be logged safely. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Configuration{");
    String sep = "";
    for (Map.Entry<String, String> e : values.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=');
      sb.append(ClientOptions.isSensitiveKey(e.getKey()) ? "******" : e.getValue());
      sep = ", ";
    }
    return sb.append('}').toString();
  }
}
