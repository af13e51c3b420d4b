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

  /** The largest whole number a double holds exactly (2^53); larger ones would be rounded. */
  static final long MAX_SAFE_WHOLE = 1L << 53;
  static final Duration MAX_DURATION = Duration.ofDays(7);

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

  /** A finite number, or empty when the key is absent. */
  public Optional<Double> number(String key) {
    Object value = settings.get(key);
    if (value == null) {
      return Optional.empty();
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      try {
        number = Double.parseDouble(String.valueOf(value).trim());
      } catch (NumberFormatException e) {
        // No cause attached: the parser's message repeats the value, which may be a secret.
        throw invalid(key, "must be a number");
      }
    }
    if (!Double.isFinite(number)) {
      throw invalid(key, "must be a finite number");
    }
    return Optional.of(number);
  }

  /** A whole number within {@code [min, max]}, or empty when the key is absent. */
  public Optional<Long> wholeNumber(String key, long min, long max) {
    Optional<Double> value = number(key);
    if (value.isPresent() && (value.get() < min || value.get() > max || value.get() != Math.rint(value.get()))) {
      throw invalid(key, "must be a whole number from " + min + " to " + max);
    }
    return value.map(Double::longValue);
  }

  /** A positive whole number, or empty when the key is absent. */
  public Optional<Long> positiveLong(String key) {
    return wholeNumber(key, 1, MAX_SAFE_WHOLE);
  }

  /** A positive whole number that fits an {@code int}, or empty when the key is absent. */
  public Optional<Integer> positiveInt(String key) {
    return wholeNumber(key, 1, Integer.MAX_VALUE).map(Long::intValue);
  }

  /** A duration such as {@code 30s}, {@code 250ms}, {@code 2m}; a bare number means seconds. */
  public Optional<Duration> duration(String key) {
    Object value = settings.get(key);
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(String.valueOf(value).trim());
    if (!m.matches()) {
      throw invalid(key, "must be a duration like 30s, 250ms or 2m");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "s" -> amount * 1000;
      default -> amount * 60_000;
    };
    if (!(millis <= MAX_DURATION.toMillis())) {
      throw invalid(key, "must be a duration of at most " + MAX_DURATION.toDays() + " days");
    }
    return Optional.of(Duration.ofMillis(Math.round(millis)));
  }

  /** An error naming the key and the rule, and the value unless it came from the environment. */
  public IllegalArgumentException invalid(String key, String rule) {
    String shown = dev.rehearsal.spec.Secrets.mask(String.valueOf(settings.get(key)));
    return new IllegalArgumentException(where + "." + key + " " + rule + ", was '" + shown + "'");
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
