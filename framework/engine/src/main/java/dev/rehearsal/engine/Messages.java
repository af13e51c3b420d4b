package dev.rehearsal.engine;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import java.util.List;

/**
 * Failure messages: a one-line {@link Headlines headline}, then the observed/expected layout with
 * every number needed to re-check them.
 * Public for the Jupiter API's fluent assertions, which print the same block.
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class Messages {

  private Messages() {}

  /** The gate line and its promise. */
  public static String header(GateRun run) {
    return "Gate " + run.spec().id() + " (owner " + run.spec().owner() + ")\n  promise: " + run.spec().promise() + "\n";
  }

  static String breaches(GateRun run, CategoryResult result, List<CheckResult> checks) {
    StringBuilder out = new StringBuilder(Headlines.blocking(result, checks)).append('\n').append(header(run));
    for (CheckResult c : checks) {
      out.append(c.breached() ? "Threshold breached\n" : "Not enough evidence, and the spec says on-inconclusive: fail\n");
      body(out, run, result, c);
      out.append("Action: ").append(c.threshold().onBreach().wireName())
          .append("; owner: ").append(result.category().owner()).append('\n');
    }
    return out.toString();
  }

  static String inconclusive(GateRun run, CategoryResult result, List<CheckResult> checks) {
    StringBuilder out = new StringBuilder(Headlines.inconclusive(result, checks)).append('\n').append(header(run));
    for (CheckResult c : checks) {
      out.append("Inconclusive (on-inconclusive: abort): too few samples to decide; not acted on\n");
      body(out, run, result, c);
      out.append("Owner: ").append(result.category().owner()).append('\n');
    }
    return out.toString();
  }

  static String passedInconclusive(GateRun run, List<CheckResult> checks) {
    return checks.stream().filter(CheckResult::inconclusive).findFirst()
        .map(c -> "Inconclusive, passed by on-inconclusive: pass: " + c.observed()).orElse("");
  }

  private static void body(StringBuilder out, GateRun run, CategoryResult result, CheckResult c) {
    out.append(block(run, result, c.segment(), c.observed(), c.expected()));
  }

  /**
   * The observed/expected block of one category and segment: severity, failure class, what was
   * observed, what was expected, production's rate in that segment and the candidate arm.
   */
  public static String block(GateRun run, CategoryResult result, String segment, String observed, String expected) {
    RateEstimate prod = result.production().get(segment);
    return "  category:   " + result.category().id() + " (severity " + result.category().severity().wireName()
        + ", failure class " + result.category().failureClass() + ")\n"
        + "  segment:    " + segment + "\n"
        + "Observed:\n  " + observed + "\n"
        + "Expected:\n  " + expected + "\n"
        + "  production (" + run.production().description() + "): " + (prod == null ? "-" : prod.describe()) + "\n"
        + "  candidate:  " + run.candidate().description() + "\n";
  }
}
