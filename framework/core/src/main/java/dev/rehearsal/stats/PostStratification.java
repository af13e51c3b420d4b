package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Overall rates weighted by the production segment mix rather than pooled counts, so a sample that
 * over-represents a segment does not bias the overall forecast.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class PostStratification {

  private PostStratification() {}

  /** Post-stratified estimate with the default {@link StratifiedMethod#FAY_FEUER} interval. */
  public static StratifiedEstimate estimate(List<Stratum> strata, double confidence) {
    return estimate(strata, confidence, StratifiedMethod.FAY_FEUER);
  }

  /** Post-stratified estimate and two-sided interval; weights are normalised to sum to one. */
  public static StratifiedEstimate estimate(List<Stratum> strata, double confidence, StratifiedMethod method) {
    Checks.confidence(confidence);
    if (strata.isEmpty()) {
      throw new IllegalArgumentException("Number of strata is not strictly positive: 0");
    }
    double totalWeight = strata.stream().mapToDouble(Stratum::weight).sum();
    double rate = 0;
    double variance = 0;
    double poissonVariance = 0;
    double maxUnitWeight = 0;
    int totalTrials = 0;
    for (Stratum s : strata) {
      double w = s.weight() / totalWeight;
      double unit = w / s.trials();
      rate += w * s.rate();
      variance += w * w * s.rate() * (1 - s.rate()) / s.trials();
      poissonVariance += unit * unit * s.events();
      maxUnitWeight = Math.max(maxUnitWeight, unit);
      totalTrials += s.trials();
    }
    double effective = variance > 0 ? Math.min(totalTrials, rate * (1 - rate) / variance) : totalTrials;
    double tail = (1 - confidence) / 2;
    double[] limits = method == StratifiedMethod.FAY_FEUER
        ? fayFeuer(rate, poissonVariance, maxUnitWeight, tail)
        : kornGraubard(rate, effective, tail);
    return new StratifiedEstimate(rate, Math.sqrt(variance), effective, limits[0], limits[1], method, confidence);
  }

  // Fay and Feuer (1997), equations (4)-(5): gamma with matched mean and variance; the upper limit
  // adds one more event of the largest weight so it is positive at zero events.
  static double[] fayFeuer(double y, double v, double wMax, double tail) {
    double lower = y == 0 ? 0 : v / (2 * y) * ChiSquaredDistribution.of(2 * y * y / v).inverseCumulativeProbability(tail);
    double vUp = v + wMax * wMax;
    double yUp = y + wMax;
    double upper = vUp / (2 * yUp) * ChiSquaredDistribution.of(2 * yUp * yUp / vUp).inverseSurvivalProbability(tail);
    return new double[] {lower, Math.min(1, upper)};
  }

  // Korn and Graubard (1998), section 2: Clopper–Pearson with non-integer effective counts.
  static double[] kornGraubard(double rate, double nEff, double tail) {
    double kEff = rate * nEff;
    double lower = kEff <= 0 ? 0 : BetaQuantile.inverseCumulativeProbability(kEff, nEff - kEff + 1, tail);
    double upper = rate >= 1 ? 1 : BetaQuantile.inverseSurvivalProbability(kEff + 1, nEff - kEff, tail);
    return new double[] {lower, upper};
  }
}
