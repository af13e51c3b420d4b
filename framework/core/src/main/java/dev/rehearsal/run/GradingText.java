package dev.rehearsal.run;

import dev.rehearsal.gate.CorrectedChecks;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.stats.CorrectedEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Sentences about a category's grader-error correction, shared by the console table, decision.json and reports. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradingText {

  private GradingText() {}

  /** One line per corrected arm, then agreement, then each segment check decided on corrected rates; empty when nothing was corrected. */
  public static List<String> lines(CategoryResult r) {
    List<String> out = new ArrayList<>();
    CategoryGrading g = r.grading();
    arm(r, "candidate", g.candidate(), g.candidateLabels()).ifPresent(out::add);
    arm(r, "production", g.production(), g.productionLabels()).ifPresent(out::add);
    g.agreement().ifPresent(a -> out.add(r.category().id() + " / overall: reviewer agreement " + a));
    // Segment checks decided on corrected rates: their table rows show raw counts, so say what decided.
    r.checks().stream().filter(c -> !c.segment().equals(GateRun.OVERALL) && c.method().contains("corrected"))
        .forEach(c -> out.add(r.category().id() + " / " + c.segment() + " (" + c.threshold().kind().key() + "): "
            + c.verdict() + " on corrected rates: " + c.observed()));
    return out;
  }

  private static Optional<String> arm(CategoryResult r, String arm, Optional<CorrectedEstimate> estimate, int labels) {
    RateEstimate raw = (arm.equals("candidate") ? r.candidate() : r.production()).get(GateRun.OVERALL);
    return estimate.map(e -> r.category().id() + " / overall (" + arm + "): corrected " + describe(e) + " from "
        + r.grading().source() + (raw == null ? "" : "; raw " + raw.describe()) + "; thresholds decide on "
        + r.grading().decidesOn());
  }

  /** "3.10% [1.20%, 5.00%] (PPI++ (…), 95%; standard error … = sampling … ⊕ grader error …)". */
  public static String describe(CorrectedEstimate e) {
    return RateEstimate.percent(e.rate()) + " [" + RateEstimate.percent(e.lower()) + ", " + RateEstimate.percent(e.upper())
        + "] (" + e.method() + ", " + e.confidence() + "; " + CorrectedChecks.errors(e) + ")";
  }
}
