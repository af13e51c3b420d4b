package dev.rehearsal.sql;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.spec.EligibilitySpec;
import dev.rehearsal.spec.EligibilitySpec.MetadataCondition;
import dev.rehearsal.spec.SegmentRule;
import dev.rehearsal.spec.SegmentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Eligibility rules and segment rules as SQL expressions over the features of {@link SamplingQuery}'s
 * CTE {@code t}: the same rules in the same order as the streaming sampler, so a rejected user turn is
 * counted under the same reason.
 */
final class SqlRules {

  private final SqlDialect d;
  private final List<String> metadata;

  SqlRules(SqlDialect dialect, List<String> metadata) {
    this.d = dialect;
    this.metadata = metadata;
  }

  /** A CASE naming the first rule that rejects the user turn, NULL when it is eligible. */
  String reason(EligibilitySpec e) {
    if (e.timeWindow().isPresent()) {
      throw new IllegalArgumentException("eligible.time-window is not pushed down yet: the engines read timestamps"
          + " differently. Filter the time range in a view and name it with 'from', or remove 'time-window'.");
    }
    List<String> whens = new ArrayList<>();
    for (MetadataCondition m : e.metadata()) {
      whens.add(when("NOT (" + metadata(m) + ")", "metadata." + m.key()));
    }
    if (!e.languages().isEmpty()) {
      String lang = "LOWER(" + column(e.languageField()) + ")";
      String primary = "SUBSTR(" + lang + ", 1, " + primaryEnd(lang) + ")";
      String in = e.languages().stream().sorted().map(d::literal).collect(Collectors.joining(", "));
      whens.add(when(lang + " IS NOT NULL AND " + primary + " NOT IN (" + in + ") AND " + lang + " NOT IN (" + in + ")",
          "language"));
    }
    whens.add(when("users < " + e.minUserTurns(), "below-min-user-turns"));
    whens.add(when("users > " + e.maxUserTurns(), "above-max-user-turns"));
    // Rows hold text only, so no prefix is multimodal and exclude: [multimodal] rejects none.
    if (!e.requiredRoles().isEmpty()) {
      whens.add(when(e.requiredRoles().stream().sorted().map(r -> "has_" + r.wireName() + " = 0")
          .collect(Collectors.joining(" OR ")), "missing-role"));
    }
    e.hasTools().ifPresent(want -> whens.add(when("tools = " + (want ? "0" : "1"), want ? "no-tools" : "has-tools")));
    if (e.maxPrefixChars() != Integer.MAX_VALUE) {
      whens.add(when("chars > " + e.maxPrefixChars(), "above-max-prefix-chars"));
    }
    if (e.requireLoggedReply()) {
      whens.add(when("next_r IS NULL OR next_r <> '" + Role.ASSISTANT.wireName() + "'", "no-logged-reply"));
    }
    return "CASE" + String.join("", whens) + " ELSE NULL END";
  }

  /** Where the primary subtag ends: before the first '-' or '_' (the whole tag when there is none). */
  private static String primaryEnd(String lang) {
    String dash = "POSITION('-' IN CONCAT(" + lang + ", '-'))";
    String underscore = "POSITION('_' IN CONCAT(" + lang + ", '_'))";
    return "LEAST(" + dash + ", " + underscore + ") - 1";
  }

  /** A CASE naming the first segment whose rule holds, else {@code other}. */
  String segment(List<SegmentSpec> segments, String other) {
    if (segments.isEmpty()) {
      return d.literal(other);
    }
    StringBuilder out = new StringBuilder("CASE");
    for (SegmentSpec s : segments) {
      String all = s.rule().conditions().stream().map(this::condition).collect(Collectors.joining(" AND "));
      out.append(" WHEN ").append(all).append(" THEN ").append(d.literal(s.id()));
    }
    return out.append(" ELSE ").append(d.literal(other)).append(" END").toString();
  }

  private String when(String condition, String reason) {
    return " WHEN " + condition + " THEN " + d.literal(reason);
  }

  private String metadata(MetadataCondition m) {
    String v = column(m.key());
    return switch (m.op()) {
      case EXISTS -> v + " IS NOT NULL";
      case ABSENT -> v + " IS NULL";
      case EQUALS, IN -> v + " IS NOT NULL AND " + v + " IN ("
          + m.values().stream().map(d::literal).collect(Collectors.joining(", ")) + ")";
    };
  }

  /**
   * One segment condition. As in {@link SegmentRule}: a missing value never matches; two numbers compare
   * as numbers, anything else as text.
   */
  private String condition(SegmentRule.Condition c) {
    String op = c.op().equals("==") ? "=" : c.op().equals("!=") ? "<>" : c.op();
    boolean numeric = isNumber(c.value());
    return switch (c.field()) {
      case "user-turns" -> numeric ? "users " + op + " " + c.value() : d.text("users") + " " + op + " " + d.literal(c.value());
      case "prefix-chars" -> numeric ? "chars " + op + " " + c.value() : d.text("chars") + " " + op + " " + d.literal(c.value());
      case "has-tools" -> "(CASE WHEN tools = 1 THEN 'true' ELSE 'false' END) " + op + " " + d.literal(c.value());
      default -> {
        String v = column(c.field().substring("metadata.".length()));
        if (!numeric) {
          yield "(" + v + " IS NOT NULL AND " + v + " " + op + " " + d.literal(c.value()) + ")";
        }
        String n = d.number(v);
        yield "(" + v + " IS NOT NULL AND CASE WHEN " + n + " IS NOT NULL THEN " + n + " " + op + " " + c.value()
            + " ELSE " + v + " " + op + " " + d.literal(c.value()) + " END)";
      }
    };
  }

  private String column(String key) {
    return "m" + metadata.indexOf(key);
  }

  /** What {@link SegmentRule} reads as a number: ends with a digit or '.', and parses. */
  static boolean isNumber(String s) {
    if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) {
      return false;
    }
    try {
      double v = Double.parseDouble(s);
      return !Double.isNaN(v) && !Double.isInfinite(v) && s.toLowerCase(Locale.ROOT).matches("[-+0-9.e]+");
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
