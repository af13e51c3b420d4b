package dev.rehearsal.engine;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import java.util.List;

/** Failure messages in the observed/expected layout, with every number needed to re-check them. */
final class Messages {

  private Messages() {}

  static String breaches(GateRun run, CategoryResult result, List<CheckResult> breaches) {
    StringBuilder out = new StringBuilder();
    for (CheckResult c : breaches) {
      RateEstimate prod = result.production().get(c.segment());
      out.append("Gate ").append(run.spec().id()).append(" breached a threshold\n")
          .append("  category:   ").append(c.category()).append(" (severity ").append(result.category().severity().wireName())
          .append(", failure class ").append(result.category().failureClass()).append(")\n")
          .append("  segment:    ").append(c.segment()).append('\n')
          .append("Observed:\n  ").append(c.observed()).append('\n')
          .append("Expected:\n  ").append(c.expected()).append('\n')
          .append("  production (").append(run.production().description()).append("): ").append(prod.describe()).append('\n')
          .append("  candidate:  ").append(run.candidate().description()).append('\n')
          .append("Action on breach: ").append(c.threshold().onBreach().wireName())
          .append("; owner: ").append(result.category().owner()).append('\n');
    }
    return out.toString();
  }
}
