package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Corrects a grader-measured rate for the grader's false positives and false negatives.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class GraderCorrection {

  private GraderCorrection() {}

  /**
   * Rogan and Gladen (1978, Am J Epidemiol 107:71-76) estimate (q + Sp − 1)/(Se + Sp − 1) for k
   * flagged of n, clipped to [0, 1]. The interval is the delta-method interval of Greenland (1996,
   * Epidemiology 7:498-501), which adds the sampling variance of Se and Sp from the calibration set,
   * evaluated at Agresti–Coull-adjusted q, Se and Sp (k + z²/2 of n + z²) as Lang and Reiczigel
   * (2014, Prev Vet Med 113:13-22) propose so it stays usable at zero counts.
   */
  public static CorrectedRate roganGladen(int k, int n, GraderCalibration calibration, double confidence) {
    Checks.counts(k, n);
    Checks.confidence(confidence);
    double youden = calibration.sensitivity() + calibration.specificity() - 1;
    if (!(youden > 0)) {
      throw new IllegalArgumentException(
          "Grader is no better than chance: sensitivity + specificity - 1 is not strictly positive: " + youden);
    }
    double rate = clip(((double) k / n + calibration.specificity() - 1) / youden);
    double z = IntervalMethod.z((1 - confidence) / 2);
    double q = adjusted(k, n, z);
    double se = adjusted(calibration.truePositives(), calibration.positives(), z);
    double sp = adjusted(calibration.trueNegatives(), calibration.negatives(), z);
    double j = se + sp - 1;
    double centre = clip((q + sp - 1) / j);
    double variance = (q * (1 - q) / (n + z * z)
        + centre * centre * se * (1 - se) / (calibration.positives() + z * z)
        + (1 - centre) * (1 - centre) * sp * (1 - sp) / (calibration.negatives() + z * z)) / (j * j);
    double error = Math.sqrt(variance);
    return new CorrectedRate(rate, error, clip(centre - z * error), clip(centre + z * error), confidence, "Rogan-Gladen");
  }

  /**
   * {@link #roganGladen} with its standard error split into the sampling part (the q term of
   * Greenland's variance) and the grader-error part (the Se and Sp terms, from the calibration set).
   */
  public static CorrectedEstimate roganGladenEstimate(int k, int n, GraderCalibration calibration, double confidence) {
    CorrectedRate r = roganGladen(k, n, calibration, confidence);
    double z = IntervalMethod.z((1 - confidence) / 2);
    double q = adjusted(k, n, z);
    double j = adjusted(calibration.truePositives(), calibration.positives(), z)
        + adjusted(calibration.trueNegatives(), calibration.negatives(), z) - 1;
    double sampling = Math.min(r.standardError(), Math.sqrt(q * (1 - q) / (n + z * z)) / j);
    double grader = Math.sqrt(Math.max(0, r.standardError() * r.standardError() - sampling * sampling));
    return new CorrectedEstimate(r.rate(), sampling, grader, r.lower(), r.upper(), confidence, r.method(),
        calibration.positives() + calibration.negatives());
  }

  private static double adjusted(int k, int n, double z) {
    return (k + z * z / 2) / (n + z * z);
  }

  static double clip(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
