package dev.rehearsal.grade.classifier;

import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.model.ModelConfig;
import java.util.Map;
import java.util.TreeMap;

/** Setting checks shared by the classifier graders. */
final class ClassifierSettings {

  private ClassifierSettings() {}

  /** The required {@code model:}, which must name an entry under {@code models:}. */
  static String model(Map<String, Object> s, GraderContext context) {
    if (!(s.get("model") instanceof String model)) {
      throw new IllegalArgumentException("Missing required key 'model' (a name under 'models:').");
    }
    context.config(model).orElseThrow(() -> new IllegalArgumentException("'model: " + model + "' names no entry under 'models:'."));
    return model;
  }

  static double unit(String key, Object value) {
    if (value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("'" + key + "' must be a number in [0, 1], was: " + value);
  }

  static int count(String key, Object value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer n && n >= 0 && n <= 10) {
      return n;
    }
    throw new IllegalArgumentException("'" + key + "' must be a whole number from 0 to 10, was: " + value);
  }

  /** What of the model decides the classifier's output, as for judges: not endpoints (may embed secrets) or limits. */
  static Map<String, Object> procedure(ModelConfig config) {
    Map<String, Object> out = new TreeMap<>();
    out.put("client", config.client());
    config.settings().forEach((k, v) -> {
      if (java.util.Set.of("model", "max-tokens", "seed", "top-p", "stop", "temperature").contains(k)) {
        out.put(k, v);
      }
    });
    return out;
  }
}
