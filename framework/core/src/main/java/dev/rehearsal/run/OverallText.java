package dev.rehearsal.run;

import static dev.rehearsal.gate.RateEstimate.percent;

import dev.rehearsal.stats.ClusteredRate;
import java.util.Locale;

/** Sentences for the overall row's extra figures, shared by the decision table and decision.json. */
final class OverallText {

  private OverallText() {}

  /** "at 50,000 conversations/day (…): 12.3 incidents/day [4.1, 26.0]; P(≥1 a day) 100.0% [...]". */
  static String risk(TrafficRisk t) {
    return String.format(Locale.ROOT,
        "at %,.0f conversations/day × %.2f eligible user turns each = %,.0f turns/day: expected %s incidents/day"
            + " [%s, %s] (%s); P(at least one a day) %s [%s, %s]; detection floor %s",
        t.conversationsPerDay(), t.turnsPerConversation(), t.turnsPerDay(), count(t.expectedPerDay()),
        count(t.expectedLower()), count(t.expectedUpper()), t.basis(), percent(t.atLeastOne()),
        percent(t.atLeastOneLower()), percent(t.atLeastOneUpper()), percent(t.detectionFloor()));
  }

  /** "rate 2.00%, 40 conversations; design effect 1.85, effective sample size 54.1 of 100 turns; 95% [...]". */
  static String clustered(ClusteredRate c, int conversations) {
    return String.format(Locale.ROOT,
        "clustered by conversation (%d conversations): design effect %.2f, effective sample size %.1f;"
            + " rate %s, cluster-robust SE %s, 95%% %s [%s, %s] at the effective size (Kish 1965; Korn-Graubard 1998)",
        conversations, c.designEffect(), c.effectiveSampleSize(), percent(c.rate()), percent(c.standardError()),
        "Clopper-Pearson", percent(c.interval().lower()), percent(c.interval().upper()));
  }

  private static String count(double x) {
    return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.2f", x);
  }
}
