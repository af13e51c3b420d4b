package dev.rehearsal.engine;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.Action;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first line of every failure and abort message: short, one line, and stable between identical
 * runs (ids, rule names and limits, no measured numbers), so reports that group failures by message
 * (Allure's categories, Surefire's summary) group them by failure class and action. The observed and
 * expected numbers follow on the next lines. The {@code *Regex} methods give the patterns that match
 * these lines; they are valid in both Java and JavaScript (no inline flags, no {@code \Q..\E}), and
 * they match whether or not the detail lines follow.
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class Headlines {

  /** Starts the headline of a test failed by a breached threshold. */
  public static final String BREACH = "BREACH ";
  /** Starts the headline of a test failed by too little evidence under {@code on-inconclusive: fail}. */
  public static final String NO_EVIDENCE = "NOT ENOUGH EVIDENCE ";
  /** Starts the headline of a test aborted by too little evidence under {@code on-inconclusive: abort}. */
  public static final String INCONCLUSIVE = "INCONCLUSIVE: ";
  /** Starts the headline of a failed simulation-health test. */
  public static final String UNHEALTHY = "UNHEALTHY: ";
  /** Any run of characters, newlines included, in both Java and JavaScript. */
  private static final String REST = "[\\s\\S]*";

  private Headlines() {}

  /** {@code BREACH unsafe-content → hold: harmful-content / overall breached max-ratio-to-production 1.10, non-inferiority 1.00pp}. */
  static String blocking(CategoryResult result, List<CheckResult> blocking) {
    boolean breached = blocking.stream().anyMatch(CheckResult::breached);
    Action action = blocking.stream().map(c -> c.threshold().onBreach()).reduce(Action.SHIP, Action::max);
    String rules = blocking.stream().filter(c -> c.breached() == breached).map(c -> c.threshold().describeLimit())
        .collect(Collectors.joining(", "));
    return (breached ? BREACH : NO_EVIDENCE) + result.category().failureClass() + " → " + action.wireName() + ": "
        + result.category().id() + " / " + segments(blocking) + (breached ? " breached " : " has too few samples for ") + rules;
  }

  /** {@code INCONCLUSIVE: harmful-content / multi-turn has too few samples for max-rate 15.00%; not acted on}. */
  static String inconclusive(CategoryResult result, List<CheckResult> aborting) {
    return INCONCLUSIVE + result.category().id() + " / " + segments(aborting) + " has too few samples for "
        + aborting.stream().map(c -> c.threshold().describeLimit()).collect(Collectors.joining(", ")) + "; not acted on";
  }

  /** {@code UNHEALTHY: gate g holds (2 health problems)}. */
  static String unhealthy(GateRun run) {
    int n = run.health().problems().size();
    return UNHEALTHY + "gate " + run.spec().id() + " holds (" + n + " health problem" + (n == 1 ? "" : "s") + ")";
  }

  /**
   * {@code HOLD: gate g — harmful-content / overall: max-ratio-to-production 1.10, non-inferiority 1.00pp → hold (trust-and-safety)}:
   * the decision and the list of what blocks it, one entry per category and segment.
   */
  public static String decision(GateRun run) {
    Action action = run.decision().action();
    String head = action.wireName().toUpperCase(Locale.ROOT) + ": gate " + run.spec().id();
    Map<String, List<CheckResult>> bySite = new LinkedHashMap<>();
    run.decision().breaches().forEach(c -> bySite.computeIfAbsent(c.category() + " / " + c.segment(), k -> new java.util.ArrayList<>()).add(c));
    if (bySite.isEmpty()) {
      return head + (run.health().healthy() ? " — no threshold blocks the release" : " — simulation unhealthy");
    }
    return head + " — " + bySite.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().stream()
        .map(c -> c.threshold().describeLimit() + (c.breached() ? "" : " (too few samples)")).collect(Collectors.joining(", "))
        + " → " + e.getValue().stream().map(c -> c.threshold().onBreach()).reduce(Action.SHIP, Action::max).wireName()
        + " (" + owner(run, e.getValue().get(0)) + ")").collect(Collectors.joining("; "));
  }

  private static String owner(GateRun run, CheckResult c) {
    CategoryResult r = run.categories().get(c.category());
    return r == null ? run.spec().owner() : r.category().owner();
  }

  private static String segments(List<CheckResult> checks) {
    return checks.stream().map(CheckResult::segment).distinct().collect(Collectors.joining(", "));
  }

  /** Matches the failures of one failure class whose most severe action is {@code action}. */
  public static String breachRegex(String failureClass, Action action) {
    return "^" + BREACH + literal(failureClass) + " → " + action.wireName() + ":" + REST;
  }

  /** Matches failures from too little evidence under {@code on-inconclusive: fail}. */
  public static String noEvidenceRegex() {
    return "^" + NO_EVIDENCE + REST;
  }

  /** Matches aborts from too little evidence under {@code on-inconclusive: abort}. */
  public static String inconclusiveRegex() {
    return "^" + INCONCLUSIVE + REST;
  }

  /** Matches failed health tests. */
  public static String unhealthyRegex() {
    return "^" + UNHEALTHY + REST;
  }

  /** Matches the decision test of a gate whose decision is {@code action}. */
  public static String decisionRegex(Action action) {
    return "^" + action.wireName().toUpperCase(Locale.ROOT) + ": gate " + REST;
  }

  /**
   * Spec text as a regex literal: the syntax characters are escaped with a backslash, which both
   * Java and JavaScript (also in its strict {@code u} mode) read as the character itself.
   */
  static String literal(String s) {
    StringBuilder out = new StringBuilder();
    for (char ch : s.toCharArray()) {
      out.append("\\^$.|?*+()[]{}/".indexOf(ch) >= 0 ? "\\" : "").append(ch);
    }
    return out.toString();
  }
}
