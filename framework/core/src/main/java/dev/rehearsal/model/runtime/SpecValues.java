package dev.rehearsal.model.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads typed values from a model entry of the gate spec, with errors that name the key, the rule
 * and the value (secrets are never echoed: only keys whose values are not secret are read here).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SpecValues {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)?");

  private final String where;
  private final Map<String, Object> settings;

  private SpecValues(String where, Map<String, Object> settings) {
    this.where = where;
    this.settings = settings;
  }

  /** Values of {@code settings}; {@code where} names the entry in errors, e.g. {@code models.candidate}. */
  public static SpecValues of(String where, Map<String, Object> settings) {
    return new SpecValues(where, settings);
  }

  public Optional<String> string(String key) {
    return Optional.ofNullable(settings.get(key)).map(String::valueOf).filter(s -> !s.isBlank());
  }

  public String requiredString(String key, String example) {
    return string(key).orElseThrow(() -> new IllegalArgumentException(
        where + ": missing '" + key + "'; add it to the model entry, e.g. " + key + ": " + example));
  }

  public Optional<Double> number(String key) {
    Object value = settings.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    try {
      return Optional.of(Double.parseDouble(String.valueOf(value).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + "." + key + " must be a number, was '" + value + "'", e);
    }
  }

  /** A positive whole number, or empty when the key is absent. */
  public Optional<Long> positiveLong(String key) {
    Optional<Double> value = number(key);
    if (value.isPresent() && (value.get() <= 0 || value.get() != Math.rint(value.get()))) {
      throw new IllegalArgumentException(
          where + "." + key + " must be a positive whole number, was " + settings.get(key));
    }
    return value.map(Double::longValue);
  }

  /** A duration such as {@code 30s}, {@code 250ms}, {@code 2m}; a bare number means seconds. */
  public Optional<Duration> duration(String key) {
    Object value = settings.get(key);
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(String.valueOf(value).trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          where + "." + key + " must be a duration like 30s, 250ms or 2m, was '" + value + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "s" -> amount * 1000;
      default -> amount * 60_000;
    };
    return Optional.of(Duration.ofMillis(Math.round(millis)));
  }

  /** A nested map (e.g. {@code budget: {calls: 100}}), or empty. */
  public Optional<SpecValues> nested(String key) {
    Object value = settings.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where + "." + key + " must be a mapping, e.g. "
          + key + ": { ... }");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return Optional.of(new SpecValues(where + "." + key, typed));
  }
}
