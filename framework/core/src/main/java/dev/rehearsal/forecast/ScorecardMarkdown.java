package dev.rehearsal.forecast;

import java.util.Locale;

/** The scorecard as Markdown: the method summary, then one row per category and method. */
final class ScorecardMarkdown {

  private ScorecardMarkdown() {}

  static String render(ScorecardRun run) {
    Scorecard card = run.scorecard();
    StringBuilder md = new StringBuilder();
    md.append("# Forecast scorecard ").append(card.id()).append(" (release ").append(card.release()).append(")\n\n");
    md.append(String.format(Locale.ROOT, "Direction counted over categories whose production rate moved ≥ %.2f×;"
        + " intervals %.0f%%; fidelity factor shrunk toward 1 below %d events.%n%n", card.options().moveFactor(),
        100 * card.options().confidence(), card.options().calibration().minEvents()));
    md.append("| method | total NLL | total regret | total predictive NLL | geo-mean ×error | direction | coverage |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Method m : Method.values()) {
      if (card.summaries().containsKey(m)) {
        MethodSummary s = card.summary(m);
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f× | %s | %.0f%% |%n", m.label(),
            s.totalNll(), s.totalRegret(), s.totalPredictiveNll(), s.geometricMeanError(), direction(s),
            100 * s.coverage()));
      }
    }
    md.append("\nPaired tests (Wilcoxon signed-rank on per-category NLL, two-sided):\n\n");
    card.comparisons().forEach(c -> md.append(String.format(Locale.ROOT, "- %s vs %s: mean ΔNLL %.2f, W+ = %.0f,"
        + " p = %.4f (%d categories)%n", c.method().label(), c.against().label(), c.meanDifference(), c.statistic(),
        c.pValue(), c.categories())));
    md.append(card.coverage().findings() == 0 ? String.format("%nTaxonomy coverage: no audited findings (no auditor"
        + " configured, or it found nothing).%n%n") : String.format(Locale.ROOT, "%nTaxonomy coverage: %d of %d"
        + " audited findings explained (%.1f%%); unexplained: %s%n%n", card.coverage().explained(),
        card.coverage().findings(), 100 * card.coverage().share(), card.coverage().unexplained()));
    md.append("| category | realized | method | forecast [interval] | ×error | NLL | regret | fidelity | shift |\n");
    md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (CategoryScore c : card.categories()) {
      for (MethodScore s : c.scores().values().stream().sorted(java.util.Comparator.comparing(MethodScore::method))
          .toList()) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f [%.4f, %.4f] | %.2f× | %.2f | %.2f | %.2f× | %.2f× |%n",
            c.category(), c.inputs().realized(), s.method().label(), s.prediction().rate(), s.prediction().lower(),
            s.prediction().upper(), s.multiplicativeError(), s.nll(), s.regret(), Math.exp(c.fidelityLogError()),
            Math.exp(c.shiftLogError())));
      }
    }
    return md.toString();
  }

  private static String direction(MethodSummary s) {
    return Double.isNaN(s.directionalAccuracy()) ? "n/a"
        : String.format(Locale.ROOT, "%d/%d (%.0f%%)", s.directionRight(), s.moved(), 100 * s.directionalAccuracy());
  }
}
