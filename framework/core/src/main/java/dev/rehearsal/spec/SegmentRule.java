package dev.rehearsal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A segment rule: conditions joined by {@code and}, each {@code <field> <op> <value>}.
 *
 * <p>Fields: {@code user-turns} (user turns in the prefix), {@code prefix-chars}, {@code has-tools}
 * (true/false), {@code metadata.<key>}. Operators: {@code == != < <= > >=}; values are numbers,
 * {@code true}/{@code false}, or quoted strings. Example: {@code user-turns > 1 and
 * metadata.locale == "en-US"}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SegmentRule(String text, List<Condition> conditions) {

  private static final Pattern CONDITION = Pattern.compile(
      "\\s*(user-turns|prefix-chars|has-tools|metadata\\.[A-Za-z0-9_.-]+)\\s*(==|!=|<=|>=|<|>)\\s*"
          + "(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.+-]+)\\s*");

  public SegmentRule {
    conditions = List.copyOf(conditions);
  }

  /** One comparison. */
  public record Condition(String field, String op, String value) {}

  /** Parses a rule; the message of the exception says which part is wrong and the grammar. */
  public static SegmentRule parse(String text) {
    List<Condition> conditions = new ArrayList<>();
    for (String part : text.split("\\s+and\\s+")) {
      Matcher m = CONDITION.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("Cannot read condition '" + part.trim() + "'. Write <field> <op> <value>"
            + " with field user-turns, prefix-chars, has-tools or metadata.<key>, op one of == != < <= > >=,"
            + " joined by 'and' (e.g. \"user-turns > 1 and metadata.locale == 'en'\").");
      }
      String value = m.group(3);
      if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      conditions.add(new Condition(m.group(1), m.group(2), value));
    }
    return new SegmentRule(text, conditions);
  }

  /** Whether the prefix whose fields {@code field} looks up satisfies every condition. */
  public boolean matches(Function<String, Optional<String>> field) {
    for (Condition c : conditions) {
      Optional<String> actual = field.apply(c.field());
      if (actual.isEmpty() || !holds(actual.get(), c.op(), c.value())) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(String actual, String op, String expected) {
    Optional<Double> a = number(actual);
    Optional<Double> e = number(expected);
    int cmp = a.isPresent() && e.isPresent() ? Double.compare(a.get(), e.get()) : actual.compareTo(expected);
    return switch (op) {
      case "==" -> cmp == 0;
      case "!=" -> cmp != 0;
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      default -> cmp >= 0;
    };
  }

  private static Optional<Double> number(String s) {
    // Checked first because a failed parse throws, and rules compare text values on every eligible turn.
    if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
