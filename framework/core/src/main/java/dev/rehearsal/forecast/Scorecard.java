package dev.rehearsal.forecast;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The validation of one release's forecasts: per-category scores by method, their aggregates, paired
 * tests between methods, and taxonomy coverage.
 *
 * @param id the scorecard id
 * @param release the release label the forecasts were stored under
 * @param options how it was scored
 * @param categories per-category scores, in spec order
 * @param summaries aggregates by method
 * @param comparisons paired tests of per-category NLL
 * @param coverage how much of what the auditor found on production the taxonomy explains
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Scorecard(String id, String release, ScoringOptions options, List<CategoryScore> categories,
    Map<Method, MethodSummary> summaries, List<PairedComparison> comparisons, TaxonomyCoverage coverage) {

  public Scorecard {
    categories = List.copyOf(categories);
    summaries = Map.copyOf(summaries);
    comparisons = List.copyOf(comparisons);
  }

  /** Scores every category and aggregates. */
  public static Scorecard of(String id, String release, ScoringOptions options, List<CategoryInputs> inputs,
      TaxonomyCoverage coverage) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("Number of scored categories is not strictly positive: 0");
    }
    ForecastScorer scorer = new ForecastScorer(options);
    List<CategoryScore> scores = inputs.stream().map(scorer::score).toList();
    Map<Method, MethodSummary> summaries = new EnumMap<>(Method.class);
    for (Method m : Method.values()) {
      if (scores.stream().allMatch(s -> s.scores().containsKey(m))) {
        summaries.put(m, summary(m, scores));
      }
    }
    List<PairedComparison> comparisons = new ArrayList<>();
    pair(comparisons, scores, summaries, Method.CALIBRATED, Method.RAW);
    for (Method baseline : List.of(Method.PREVIOUS, Method.CHALLENGING)) {
      pair(comparisons, scores, summaries, Method.RAW, baseline);
      pair(comparisons, scores, summaries, Method.CALIBRATED, baseline);
    }
    return new Scorecard(id, release, options, scores, summaries, comparisons, coverage);
  }

  public MethodSummary summary(Method method) {
    MethodSummary s = summaries.get(method);
    if (s == null) {
      throw new IllegalArgumentException("The scorecard has no " + method.label() + " scores");
    }
    return s;
  }

  private static MethodSummary summary(Method m, List<CategoryScore> scores) {
    double nll = 0, regret = 0, predictive = 0, logError = 0;
    int right = 0, moved = 0, covered = 0;
    for (CategoryScore c : scores) {
      MethodScore s = c.score(m);
      nll += s.nll();
      regret += s.regret();
      predictive += s.predictiveNll();
      logError += Math.log(s.multiplicativeError());
      covered += s.covered() ? 1 : 0;
      if (c.moved()) {
        moved++;
        right += s.direction() == c.realizedDirection() ? 1 : 0;
      }
    }
    return new MethodSummary(m, nll, regret, predictive, Math.exp(logError / scores.size()), right, moved,
        (double) covered / scores.size());
  }

  private static void pair(List<PairedComparison> out, List<CategoryScore> scores, Map<Method, MethodSummary> have,
      Method a, Method b) {
    if (have.containsKey(a) && have.containsKey(b)) {
      out.add(PairedComparison.of(a, b, nlls(scores, a), nlls(scores, b)));
    }
  }

  private static double[] nlls(List<CategoryScore> scores, Method m) {
    return scores.stream().mapToDouble(c -> c.score(m).nll()).toArray();
  }
}
