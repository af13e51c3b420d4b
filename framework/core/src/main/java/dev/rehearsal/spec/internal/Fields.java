package dev.rehearsal.spec.internal;

import dev.rehearsal.spec.Mark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Strict, typed access to a mapping's keys; every failure names the key, its position and the fix. */
public final class Fields {

  private final MapNode map;

  private Fields(MapNode map) {
    this.map = map;
  }

  /** Reads {@code node} as a mapping whose keys must all be in {@code allowed}. */
  public static Fields of(Node node, Set<String> allowed) {
    MapNode map = asMap(node);
    for (var key : map.keyMarks().entrySet()) {
      if (!allowed.contains(key.getKey())) {
        throw new dev.rehearsal.spec.SpecException(key.getValue(), map.path() + "." + key.getKey(),
            unknownKey(key.getKey(), allowed));
      }
    }
    return new Fields(map);
  }

  public static MapNode asMap(Node node) {
    if (node instanceof MapNode map) {
      return map;
    }
    throw node.error("Expected a mapping (key: value lines) but found " + node.kindName() + ".");
  }

  public static ListNode asList(Node node) {
    if (node instanceof ListNode list) {
      return list;
    }
    throw node.error("Expected a list ('- item' lines or [a, b]) but found " + node.kindName() + ".");
  }

  public static ScalarNode asScalar(Node node) {
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return scalar;
    }
    throw node.error("Expected a value but found " + node.kindName() + ".");
  }

  static String unknownKey(String key, Set<String> allowed) {
    String valid = String.join(", ", new TreeSet<>(allowed));
    return closest(key, allowed)
        .map(c -> "Unknown key '" + key + "'. Did you mean '" + c + "'? Valid keys here: " + valid + ".")
        .orElse("Unknown key '" + key + "'. Valid keys here: " + valid + ".");
  }

  /** The allowed word nearest to {@code word} by edit distance, if it is plausibly a typo. */
  public static Optional<String> closest(String word, Set<String> allowed) {
    return allowed.stream()
        .min(Comparator.comparingInt((String a) -> distance(word, a)).thenComparing(a -> a))
        .filter(a -> distance(word, a) <= Math.max(2, a.length() / 3));
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  public MapNode node() {
    return map;
  }

  public Mark mark() {
    return map.mark();
  }

  public Optional<Node> optional(String key) {
    return map.get(key);
  }

  public Node require(String key) {
    return map.get(key).orElseThrow(() -> map.error("Missing required key '" + key + "'."));
  }

  public String string(String key) {
    return asScalar(require(key)).text();
  }

  public Optional<String> optionalString(String key) {
    return optional(key).map(n -> asScalar(n).text());
  }

  public int integer(String key, int min) {
    return integerValue(require(key), min);
  }

  public Optional<Integer> optionalInteger(String key, int min) {
    return optional(key).map(n -> integerValue(n, min));
  }

  public long longValue(String key) {
    ScalarNode s = asScalar(require(key));
    try {
      return Long.parseLong(s.text().replace("_", ""));
    } catch (NumberFormatException e) {
      throw s.error("Expected a whole number but found " + s.shown() + ".");
    }
  }

  public Optional<Boolean> optionalBoolean(String key) {
    return optional(key).map(n -> {
      ScalarNode s = asScalar(n);
      if (s.text().equals("true") || s.text().equals("false")) {
        return Boolean.parseBoolean(s.text());
      }
      throw s.error("Expected true or false but found " + s.shown() + ".");
    });
  }

  /**
   * A finite number, accepting percentages ({@code 0.5%} is 0.005). NaN and infinities are errors:
   * every comparison with NaN is false, so a NaN bound would silently disable its check.
   */
  public static double number(Node node) {
    ScalarNode s = asScalar(node);
    return finite(s, parse(s, "a number (like 0.005 or 0.5%)"));
  }

  private static double parse(ScalarNode s, String what) {
    String t = s.text().trim();
    try {
      return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100.0 : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw s.error("Expected " + what + " but found " + s.shown() + ".");
    }
  }

  /** A finite number within {@code [min, max]}; {@code what} says what the value is, for the error. */
  public static double number(Node node, double min, double max, String what) {
    double value = parse(asScalar(node), what);
    if (!(value >= min && value <= max)) {
      throw node.error("Expected " + what + " but found " + asScalar(node).shown() + ".");
    }
    return value;
  }

  /** {@code value}, or an error at {@code s} when it is NaN or infinite. */
  public static double finite(ScalarNode s, double value) {
    if (!Double.isFinite(value)) {
      throw s.error("Expected a finite number but found " + s.shown() + ".");
    }
    return value;
  }

  public List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    optional(key).ifPresent(n -> {
      if (n instanceof ScalarNode s && !s.isNull()) {
        out.add(s.text());
      } else {
        asList(n).items().forEach(i -> out.add(asScalar(i).text()));
      }
    });
    return out;
  }

  static int integerValue(Node node, int min) {
    ScalarNode s = asScalar(node);
    int value;
    try {
      value = Integer.parseInt(s.text().replace("_", ""));
    } catch (NumberFormatException e) {
      throw s.error("Expected a whole number but found " + s.shown() + ".");
    }
    if (value < min) {
      throw s.error("Must be at least " + min + " but is " + value + ".");
    }
    return value;
  }

  /** One of {@code choices}, suggesting the closest one when it is not. */
  public static String choice(Node node, Set<String> choices) {
    ScalarNode s = asScalar(node);
    if (choices.contains(s.text())) {
      return s.text();
    }
    String valid = String.join(", ", new TreeSet<>(choices));
    throw s.error(closest(s.text(), choices)
        .map(c -> "Unknown value " + s.shown() + ". Did you mean '" + c + "'? Valid values: " + valid + ".")
        .orElse("Unknown value " + s.shown() + ". Valid values: " + valid + "."));
  }
}
