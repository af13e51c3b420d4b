package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Prediction-powered inference for a rate: the grader labels everything, a small human-labelled
 * subsample measures and removes the grader's bias.
 *
 * <p>The unlabelled set (graderFlags of total) is separate from the labelled subsample.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class PredictionPowered {

  private PredictionPowered() {}

  /**
   * PPI (Angelopoulos et al. 2023, "Prediction-powered inference", Science 382:669-674, mean
   * estimation): grader rate on the unlabelled set plus the mean rectifier human − grader.
   */
  public static CorrectedRate ppi(LabelledSample labelled, int graderFlags, int total, double confidence) {
    return estimate(labelled, graderFlags, total, confidence, 1, "PPI");
  }

  /**
   * PPI++ (Angelopoulos, Duchi and Zrnic 2023, "PPI++: efficient prediction-powered inference",
   * arXiv:2311.01453, power tuning for the mean): weights the grader by λ = Cov(Y, f) / ((1 + n/N)
   * Var(f)), clipped to [0, 1], so a poor grader cannot make the estimate worse than the
   * human-only one.
   */
  public static CorrectedRate ppiPlusPlus(LabelledSample labelled, int graderFlags, int total, double confidence) {
    double varianceF = labelled.graderVariance();
    double ratio = (double) labelled.size() / total;
    double lambda = varianceF > 0 ? GraderCorrection.clip(labelled.covariance() / ((1 + ratio) * varianceF)) : 0;
    return estimate(labelled, graderFlags, total, confidence, lambda, "PPI++ (lambda=" + lambda + ")");
  }

  static CorrectedRate estimate(
      LabelledSample labelled, int graderFlags, int total, double confidence, double lambda, String method) {
    Checks.counts(graderFlags, total);
    Checks.confidence(confidence);
    int n = labelled.size();
    double unlabelledMean = (double) graderFlags / total;
    double rectifier = labelled.humanMean() - lambda * labelled.graderMean();
    double rate = lambda * unlabelledMean + rectifier;
    // Var(Y − λf) = Var(Y) + λ²Var(f) − 2λCov(Y, f), all from the labelled subsample.
    double rectifierVariance = labelled.humanVariance() + lambda * lambda * labelled.graderVariance()
        - 2 * lambda * labelled.covariance();
    double unlabelledVariance = unlabelledMean * (1 - unlabelledMean) * total / Math.max(1, total - 1);
    double error = Math.sqrt(lambda * lambda * unlabelledVariance / total + Math.max(0, rectifierVariance) / n);
    double z = IntervalMethod.z((1 - confidence) / 2);
    return new CorrectedRate(GraderCorrection.clip(rate), error,
        GraderCorrection.clip(rate - z * error), GraderCorrection.clip(rate + z * error), confidence, method);
  }
}
