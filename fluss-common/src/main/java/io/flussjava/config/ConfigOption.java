package io.flussjava.config;

import io.flussjava.exception.InvalidConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One configuration key, declared once with its type, default, validation rule and documentation.
 * Declarations live in {@link ClientOptions}; the README's configuration table is generated from
 * them.
 *
 * <pre>{@code
 * ConfigOption<Duration> timeout = ConfigOption.key("client.request-timeout")
 *     .durationType().defaultValue(Duration.ofSeconds(30)).withDescription("...");
 * }</pre>
 *
 * @param <T> the Java type of the value
 */
public final class ConfigOption<T> {
  private final String key;
  private final ConfigType<T> type;
  private final T defaultValue;
  private final Predicate<T> rule;
  private final String ruleText;
  private final boolean sensitive;
  private final String description;

  private ConfigOption(TypedBuilder<T> b, String description) {
    this.key = b.key;
    this.type = b.type;
    this.defaultValue = b.defaultValue;
    this.rule = b.rule;
    this.ruleText = b.ruleText;
    this.sensitive = b.sensitive;
    this.description = description;
  }

  /** Starts the declaration of a key. */
  public static KeyBuilder key(String key) {
    return new KeyBuilder(key);
  }

  public String key() {
    return key;
  }

  public ConfigType<T> type() {
    return type;
  }

  /**
   * The default, or {@code null} when the key has none (then it is optional or required by its
   * user).
   */
  public T defaultValue() {
    return defaultValue;
  }

  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** Whether the value is a secret: never printed in logs, messages or {@code toString()}. */
  public boolean isSensitive() {
    return sensitive;
  }

  public String description() {
    return description;
  }

  /** The default as text, as a user would write it. */
  public String defaultValueText() {
    return defaultValue == null ? "(none)" : type.format(defaultValue);
  }

  T parse(String text) {
    T value = type.parse(key, text);
    validate(value, sensitive ? "***" : text);
    return value;
  }

  String format(T value) {
    return type.format(value);
  }

  void validate(T value, String shown) {
    if (rule != null && !rule.test(value)) {
      throw new InvalidConfigException(
          "Invalid value '"
              + shown
              + "' for configuration key '"
              + key
              + "': must be "
              + ruleText
              + ".");
    }
  }

  @Override
  public String toString() {
    return key;
  }

  /** First step of a declaration: the key's type. */
  public static final class KeyBuilder {
    private final String key;

    private KeyBuilder(String key) {
      this.key = Objects.requireNonNull(key);
    }

    public TypedBuilder<String> stringType() {
      return new TypedBuilder<>(key, ConfigType.STRING);
    }

    public TypedBuilder<Integer> intType() {
      return new TypedBuilder<>(key, ConfigType.INT);
    }

    public TypedBuilder<Long> longType() {
      return new TypedBuilder<>(key, ConfigType.LONG);
    }

    public TypedBuilder<Double> doubleType() {
      return new TypedBuilder<>(key, ConfigType.DOUBLE);
    }

    public TypedBuilder<Boolean> booleanType() {
      return new TypedBuilder<>(key, ConfigType.BOOLEAN);
    }

    public TypedBuilder<Duration> durationType() {
      return new TypedBuilder<>(key, ConfigType.DURATION);
    }

    public TypedBuilder<MemorySize> memoryType() {
      return new TypedBuilder<>(key, ConfigType.MEMORY);
    }

    public TypedBuilder<List<String>> listType() {
      return new TypedBuilder<>(key, ConfigType.LIST);
    }

    public <E extends Enum<E>> TypedBuilder<E> enumType(Class<E> enumClass) {
      return new TypedBuilder<>(key, ConfigType.enumType(enumClass));
    }
  }

  /** Second step: default, rule and secrecy; {@link #withDescription} ends the declaration. */
  public static final class TypedBuilder<T> {
    private final String key;
    private final ConfigType<T> type;
    private T defaultValue;
    private Predicate<T> rule;
    private String ruleText;
    private boolean sensitive;

    private TypedBuilder(String key, ConfigType<T> type) {
      this.key = key;
      this.type = type;
    }

    public TypedBuilder<T> defaultValue(T value) {
      this.defaultValue = Objects.requireNonNull(value);
      return this;
    }

    /** A rule every value must pass, described for the error message ("at least 1", "positive"). */
    public TypedBuilder<T> validate(Predicate<T> rule, String ruleText) {
      this.rule = rule;
      this.ruleText = ruleText;
      return this;
    }

    public TypedBuilder<T> sensitive() {
      this.sensitive = true;
      return this;
    }

    public ConfigOption<T> withDescription(String description) {
      return new ConfigOption<>(this, description);
    }
  }
}
