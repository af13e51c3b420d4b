package dev.rehearsal.run;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/** Renders a gate run as the plain-text decision table printed at the end of a run. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DecisionTable {

  private DecisionTable() {}

  public static String render(GateRun run) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"category", "segment", "n", "candidate rate [95% Jeffreys]", "production rate", "threshold",
        "verdict", "action", "owner"});
    for (CategoryResult r : run.categories().values()) {
      List<String> segs = new ArrayList<>(run.segments());
      segs.add(GateRun.OVERALL);
      for (String s : segs) {
        RateEstimate c = r.candidate().get(s);
        RateEstimate p = r.production().get(s);
        List<CheckResult> checks = r.checks(s);
        String threshold = checks.isEmpty() ? "-" : String.join("; ", checks.stream().map(DecisionTable::limit).toList());
        boolean breached = checks.stream().anyMatch(CheckResult::breached);
        String action = checks.stream().filter(CheckResult::breached).map(x -> x.threshold().onBreach())
            .reduce(dev.rehearsal.spec.Action.SHIP, dev.rehearsal.spec.Action::max).wireName();
        rows.add(new String[] {r.category().id(), s, Integer.toString(c.n()), c.describe(), p.describe(), threshold,
            checks.isEmpty() ? "info" : breached ? "BREACH" : "pass", breached ? action : "-", r.category().owner()});
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Rehearsal gate ").append(run.spec().id()).append(" (owner ").append(run.spec().owner()).append(")\n");
    out.append("Promise: ").append(run.spec().promise()).append('\n');
    out.append("Arms: candidate ").append(run.candidate().description()).append(" vs production ")
        .append(run.production().description()).append('\n');
    out.append("Simulation: ").append(run.health().summary()).append('\n');
    out.append(table(rows));
    out.append("DECISION: ").append(run.decision().action().wireName().toUpperCase(Locale.ROOT)).append('\n');
    run.decision().reasons().forEach(reason -> out.append("  - ").append(reason).append('\n'));
    return out.toString();
  }

  private static String limit(CheckResult c) {
    return c.threshold().kind().key() + " " + (c.threshold().kind() == dev.rehearsal.spec.ThresholdKind.MAX_RATE
        ? RateEstimate.percent(c.threshold().limit()) : String.format(Locale.ROOT, "%.2f", c.threshold().limit()));
  }

  static String table(List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        line.append(String.format(Locale.ROOT, "%-" + width[i] + "s", rows.get(r)[i])).append(i + 1 < width.length ? " | " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        out.append("-".repeat(line.length())).append('\n');
      }
    }
    return out.toString();
  }
}
