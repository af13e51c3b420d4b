package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import java.util.List;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Prediction-powered rate for one arm whose review sample is a subset of the graded items, drawn
 * uniformly or with grader-positive items oversampled (inclusion probability π per item).
 *
 * <p>PPI++ (Angelopoulos, Duchi and Zrnic 2023, arXiv:2311.01453) estimates θ̂ = λ·K/N + mean(y −
 * λf) over the reviewed items. Here the rectifier mean is taken within each grader verdict h (the
 * N_h items the grader flagged, and the others) with 1/π weights inside the verdict (Hájek), and
 * weighted by N_h/N. Inside a verdict f is constant, so λ cancels: θ̂ = Σ_h (N_h/N)·ȳ_h, the
 * post-stratified estimator (Särndal, Swensson and Wretman 1992, Model Assisted Survey Sampling,
 * §7.6), which is what PPI++ with the power-tuned λ (the regression slope of y on a binary f)
 * converges to. Oversampled positives are thereby weighted back to their share. If the review
 * sample misses a verdict entirely, the estimate falls back to PPI++ with λ = 0 (the weighted
 * human-only mean), which stays unbiased.
 *
 * <p>The variance splits into the sampling part θ(1 − θ)/N (the N prefixes are a sample of
 * deployment traffic) and the grader-error part Σ_h (N_h/N)²(1 − n_h/N_h)·p̃_h(1 − p̃_h)/n_h, the
 * design variance of the stratified review sample with Agresti–Coull-adjusted p̃_h = (x_h + z²/2)/
 * (n_h + z²) so a verdict with no reviewed positives still counts as uncertain (as Lang and
 * Reiczigel 2014, Prev Vet Med 113:13-22, do for Rogan–Gladen). n_h is Kish's effective size.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class ReviewedRate {

  private ReviewedRate() {}

  /**
   * Corrected rate of an arm with {@code graderFlags} of {@code total} items flagged by the grader
   * and {@code reviewed} of them labelled by people.
   */
  public static CorrectedEstimate ppiPlusPlus(
      List<ReviewedItem> reviewed, int graderFlags, int total, double confidence) {
    Checks.counts(graderFlags, total);
    Checks.confidence(confidence);
    if (reviewed.size() < 2) {
      throw new IllegalArgumentException("Number of reviewed items is not at least 2: " + reviewed.size());
    }
    double z = IntervalMethod.z((1 - confidence) / 2);
    Verdict flagged = Verdict.of(reviewed, true, graderFlags, total, z);
    Verdict passed = Verdict.of(reviewed, false, total - graderFlags, total, z);
    boolean stratified = (graderFlags == 0 || flagged.effective() > 0)
        && (graderFlags == total || passed.effective() > 0);
    Verdict all = Verdict.all(reviewed, total, z);
    double rate = stratified ? flagged.share() * flagged.mean() + passed.share() * passed.mean() : all.mean();
    double graderError = stratified
        ? Math.sqrt(flagged.variance() + passed.variance()) : Math.sqrt(all.variance());
    double shrunk = (rate * total + z * z / 2) / (total + z * z);
    double samplingError = Math.sqrt(shrunk * (1 - shrunk) / total);
    double error = Math.hypot(samplingError, graderError);
    String method = "PPI++ (" + (stratified ? "rectified per grader verdict" : "lambda=0, a verdict never reviewed")
        + (weighted(reviewed) ? ", inverse-probability weighted)" : ")");
    return new CorrectedEstimate(GraderCorrection.clip(rate), samplingError, graderError,
        GraderCorrection.clip(rate - z * error), GraderCorrection.clip(rate + z * error), confidence,
        method, reviewed.size());
  }

  private static boolean weighted(List<ReviewedItem> reviewed) {
    double first = reviewed.get(0).inclusionProbability();
    return reviewed.stream().anyMatch(item -> item.inclusionProbability() != first);
  }
}
