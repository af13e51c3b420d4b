package dev.rehearsal.grade.judge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a grader declaration's plain values; errors name the key and the rule. */
final class SettingsReader {

  private final Map<String, Object> settings;

  SettingsReader(Map<String, Object> settings) {
    this.settings = settings;
  }

  Optional<String> string(String key) {
    Object v = settings.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s && !s.isBlank()) {
      return Optional.of(s);
    }
    throw new IllegalArgumentException("'" + key + "' must be a non-empty string.");
  }

  List<String> strings(String key) {
    Object v = settings.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new IllegalArgumentException("'" + key + "' must be a list of strings.");
  }

  Map<String, String> stringMap(String key) {
    Object v = settings.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("'" + key + "' must be a mapping of label: text.");
    }
    map.forEach((k, t) -> {
      if (!(t instanceof String s)) {
        throw new IllegalArgumentException("'" + key + "." + k + "' must be a string.");
      }
      out.put(String.valueOf(k), s);
    });
    return out;
  }

  boolean bool(String key) {
    Object v = settings.get(key);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException("'" + key + "' must be true or false.");
  }

  int integer(String key, int fallback, int min) {
    Object v = settings.get(key);
    int value;
    try {
      value = v == null ? fallback : v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + key + "' must be a whole number but is '" + v + "'.");
    }
    if (value < min) {
      throw new IllegalArgumentException("'" + key + "' must be at least " + min + " but is " + value + ".");
    }
    return value;
  }

  double number(String key, double fallback) {
    Object v = settings.get(key);
    try {
      return v == null ? fallback : v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + key + "' must be a number but is '" + v + "'.");
    }
  }
}
