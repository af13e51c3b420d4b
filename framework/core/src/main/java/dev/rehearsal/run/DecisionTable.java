package dev.rehearsal.run;

import dev.rehearsal.report.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/** Renders a gate run as the plain-text decision table printed at the end of a run. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DecisionTable {

  private DecisionTable() {}

  /** The arms' tool figures ({@code ; candidate tools replay: replayed 3, ...}) when an arm has any. */
  static String tools(GateRun run) {
    StringBuilder out = new StringBuilder();
    for (ArmResult arm : List.of(run.production(), run.candidate())) {
      arm.tools().filter(ArmTools::worthReporting).ifPresent(t -> out.append("; ").append(arm.name()).append(' ')
          .append(t.summary()));
    }
    return out.toString();
  }

  /** The table with the gate's promise, owner, arms, health and decision with every reason. */
  public static String render(GateRun run) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"category", "segment", "n", "candidate rate [95% Jeffreys]", "production rate", "threshold",
        "verdict", "action", "owner"});
    for (TableRow r : TableRow.of(run)) {
      rows.add(new String[] {r.category(), r.segment(), Integer.toString(r.n()), r.describeCandidate(),
          r.describeProduction(), r.threshold(), r.verdict(), r.action(), r.owner()});
    }
    StringBuilder out = new StringBuilder();
    out.append("Rehearsal gate ").append(run.spec().id()).append(" (owner ").append(run.spec().owner()).append(")\n");
    out.append("Promise: ").append(run.spec().promise()).append('\n');
    out.append("Arms: candidate ").append(run.candidate().description()).append(" vs production ")
        .append(run.production().description()).append('\n');
    out.append("Simulation: ").append(run.health().summary()).append(tools(run)).append('\n');
    run.warnings().forEach(w -> out.append(w.startsWith(SequentialRun.NOTE) ? "NOTE: "
        : w.startsWith(GateRunner.GRADING_WARNING) ? "WARNING (" : "WARNING (planning, before any model call): ")
        .append(w.startsWith(GateRunner.GRADING_WARNING) ? "grading): " + w.substring(GateRunner.GRADING_WARNING.length()) : w)
        .append('\n'));
    out.append(table(rows));
    for (CategoryResult r : run.categories().values()) {
      overallLines(r).forEach(line -> out.append(line).append('\n'));
    }
    out.append("DECISION: ").append(run.decision().action().wireName().toUpperCase(Locale.ROOT)).append('\n');
    run.decision().reasons().forEach(reason -> out.append("  - ").append(reason).append('\n'));
    return out.toString();
  }

  /** The candidate overall rate's post-stratified, deployment-scale and clustered figures, when present. */
  static List<String> overallLines(CategoryResult r) {
    List<String> out = new ArrayList<>();
    String head = r.category().id() + " / overall (candidate): ";
    OverallDetail d = r.overall();
    d.postStratified().ifPresent(ps -> out.add(head + ps.describe()));
    d.risk().ifPresent(t -> out.add(head + OverallText.risk(t)));
    d.clustered().ifPresent(c -> out.add(head + OverallText.clustered(c, d.conversations())));
    out.addAll(GradingText.lines(r));
    return out;
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
