package io.flussjava.client.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a database is created with: an optional comment and free-form custom properties.
 *
 * <pre>{@code
 * DatabaseDescriptor d = DatabaseDescriptor.builder().comment("team db").customProperty("owner", "data-team").build();
 * admin.createDatabase("my_db", d, true);
 * }</pre>
 */
public final class DatabaseDescriptor {
  /** No comment, no properties. */
  public static final DatabaseDescriptor EMPTY = builder().build();

  private final String comment;
  private final Map<String, String> customProperties;

  private DatabaseDescriptor(String comment, Map<String, String> customProperties) {
    this.comment = comment;
    this.customProperties = Collections.unmodifiableMap(new LinkedHashMap<>(customProperties));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<String> getComment() {
    return Optional.ofNullable(comment);
  }

  public Map<String, String> getCustomProperties() {
    return customProperties;
  }

  public Builder toBuilder() {
    Builder b = new Builder().customProperties(customProperties);
    b.comment = comment;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatabaseDescriptor
        && Objects.equals(((DatabaseDescriptor) o).comment, comment)
        && ((DatabaseDescriptor) o).customProperties.equals(customProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(comment, customProperties);
  }

  @Override
  public String toString() {
    return "DatabaseDescriptor{comment=" + comment + ", customProperties=" + customProperties + "}";
  }

  /** Builds a {@link DatabaseDescriptor}; every setting is optional. */
  public static final class Builder {
    private String comment;
    private final Map<String, String> customProperties = new LinkedHashMap<>();

    private Builder() {}

    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    public Builder customProperty(String key, String value) {
      customProperties.put(
          Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder customProperties(Map<String, String> properties) {
      properties.forEach(this::customProperty);
      return this;
    }

    public DatabaseDescriptor build() {
      return new DatabaseDescriptor(comment, customProperties);
    }
  }
}
