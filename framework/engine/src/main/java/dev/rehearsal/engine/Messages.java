package dev.rehearsal.engine;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import java.util.List;

/** Failure messages in the observed/expected layout, with every number needed to re-check them. */
final class Messages {

  private Messages() {}

  static String header(GateRun run) {
    return "Gate " + run.spec().id() + " (owner " + run.spec().owner() + ")\n  promise: " + run.spec().promise() + "\n";
  }

  static String breaches(GateRun run, CategoryResult result, List<CheckResult> checks) {
    StringBuilder out = new StringBuilder(header(run));
    for (CheckResult c : checks) {
      out.append(c.breached() ? "Threshold breached\n" : "Not enough evidence, and the spec says on-inconclusive: fail\n");
      body(out, run, result, c);
      out.append("Action: ").append(c.threshold().onBreach().wireName())
          .append("; owner: ").append(result.category().owner()).append('\n');
    }
    return out.toString();
  }

  static String inconclusive(GateRun run, CategoryResult result, List<CheckResult> checks) {
    StringBuilder out = new StringBuilder(header(run));
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
    RateEstimate prod = result.production().get(c.segment());
    out.append("  category:   ").append(c.category()).append(" (severity ").append(result.category().severity().wireName())
        .append(", failure class ").append(result.category().failureClass()).append(")\n")
        .append("  segment:    ").append(c.segment()).append('\n')
        .append("Observed:\n  ").append(c.observed()).append('\n')
        .append("Expected:\n  ").append(c.expected()).append('\n')
        .append("  production (").append(run.production().description()).append("): ").append(prod.describe()).append('\n')
        .append("  candidate:  ").append(run.candidate().description()).append('\n');
  }
}
