package io.flussjava.config;

import io.flussjava.exception.InvalidConfigException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a configuration value is written as text and read back. Each parser names the form it
 * expects, so a bad value's error can say what would have been accepted.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigType<T> {
  private static final Pattern AMOUNT_UNIT = Pattern.compile("\\s*(-?\\d+)\\s*([a-zA-Z]*)\\s*");

  public static final ConfigType<String> STRING =
      new ConfigType<>("a string", s -> s, Object::toString);
  public static final ConfigType<Integer> INT =
      new ConfigType<>("an integer", s -> Integer.parseInt(s.trim()), Object::toString);
  public static final ConfigType<Long> LONG =
      new ConfigType<>("an integer", s -> Long.parseLong(s.trim()), Object::toString);
  public static final ConfigType<Double> DOUBLE =
      new ConfigType<>("a decimal number", s -> Double.parseDouble(s.trim()), Object::toString);
  public static final ConfigType<Boolean> BOOLEAN =
      new ConfigType<>("true or false", ConfigType::parseBoolean, Object::toString);
  public static final ConfigType<Duration> DURATION =
      new ConfigType<>(
          "a duration such as 500ms, 30s, 2min or 1h",
          ConfigType::parseDuration,
          ConfigType::formatDuration);
  public static final ConfigType<MemorySize> MEMORY =
      new ConfigType<>("a size such as 512kb, 2mb or 1gb", MemorySize::parse, Object::toString);
  public static final ConfigType<List<String>> LIST =
      new ConfigType<>("a comma-separated list", ConfigType::parseList, v -> String.join(",", v));

  private final String expected;
  private final Function<String, T> parser;
  private final Function<T, String> formatter;

  private ConfigType(String expected, Function<String, T> parser, Function<T, String> formatter) {
    this.expected = expected;
    this.parser = parser;
    this.formatter = formatter;
  }

  /** A type whose values are the constants of an enum, matched case-insensitively. */
  public static <E extends Enum<E>> ConfigType<E> enumType(Class<E> enumClass) {
    String names = Arrays.toString(enumClass.getEnumConstants());
    return new ConfigType<>(
        "one of " + names,
        s -> Enum.valueOf(enumClass, s.trim().toUpperCase(Locale.ROOT).replace('-', '_')),
        Enum::name);
  }

  /** What a valid value looks like, for error messages and docs. */
  public String expected() {
    return expected;
  }

  T parse(String key, String text) {
    try {
      T value = parser.apply(text);
      if (value == null) {
        throw new IllegalArgumentException("empty");
      }
      return value;
    } catch (RuntimeException e) {
      throw new InvalidConfigException(
          "Invalid value '"
              + text
              + "' for configuration key '"
              + key
              + "': expected "
              + expected
              + ".");
    }
  }

  String format(T value) {
    return formatter.apply(value);
  }

  private static Boolean parseBoolean(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true")) {
      return Boolean.TRUE;
    }
    if (t.equals("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException(s);
  }

  private static List<String> parseList(String s) {
    return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  static Duration parseDuration(String s) {
    Matcher m = AMOUNT_UNIT.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(s);
    }
    long amount = Long.parseLong(m.group(1));
    if (amount < 0) {
      throw new IllegalArgumentException("negative duration " + s);
    }
    // The long unit names are those the official client writes and reads ("2 min", "30 s",
    // "9223372036854775807 ns"), so that its configuration files parse here unchanged.
    switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ns":
      case "nano":
      case "nanos":
      case "nanosecond":
      case "nanoseconds":
        return Duration.ofNanos(amount);
      case "us":
      case "micro":
      case "micros":
      case "microsecond":
      case "microseconds":
        return Duration.ofNanos(Math.multiplyExact(amount, 1000L));
      case "":
      case "ms":
      case "milli":
      case "millis":
      case "millisecond":
      case "milliseconds":
        return Duration.ofMillis(amount);
      case "s":
      case "sec":
      case "secs":
      case "second":
      case "seconds":
        return Duration.ofSeconds(amount);
      case "m":
      case "min":
      case "mins":
      case "minute":
      case "minutes":
        return Duration.ofMinutes(amount);
      case "h":
      case "hour":
      case "hours":
        return Duration.ofHours(amount);
      case "d":
      case "day":
      case "days":
        return Duration.ofDays(amount);
      default:
        throw new IllegalArgumentException("unknown unit in " + s);
    }
  }

  private static String formatDuration(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "min";
    }
    if (ms % 1000 == 0 && ms > 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
