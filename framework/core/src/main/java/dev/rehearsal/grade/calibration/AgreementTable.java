package dev.rehearsal.grade.calibration;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * The 2x2 table of a grader's labels against a reference (human gold labels, or another grader),
 * with the statistics calibration reports: sensitivity, specificity, precision (Wilson intervals)
 * and Cohen's kappa with its large-sample interval.
 *
 * @param truePositives reference positive, grader positive
 * @param falsePositives reference negative, grader positive
 * @param falseNegatives reference positive, grader negative
 * @param trueNegatives reference negative, grader negative
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AgreementTable(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

  public AgreementTable {
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
      throw new IllegalArgumentException("Table counts must not be negative: " + truePositives + ", " + falsePositives
          + ", " + falseNegatives + ", " + trueNegatives);
    }
  }

  public int n() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  public Estimate sensitivity(double confidence) {
    return Estimate.wilson(truePositives, truePositives + falseNegatives, confidence);
  }

  public Estimate specificity(double confidence) {
    return Estimate.wilson(trueNegatives, trueNegatives + falsePositives, confidence);
  }

  public Estimate precision(double confidence) {
    return Estimate.wilson(truePositives, truePositives + falsePositives, confidence);
  }

  /** Observed agreement p_o. */
  public double observedAgreement() {
    return (double) (truePositives + trueNegatives) / n();
  }

  /** Chance agreement p_e from the two raters' marginal rates. */
  public double chanceAgreement() {
    double graderPos = (double) (truePositives + falsePositives) / n();
    double refPos = (double) (truePositives + falseNegatives) / n();
    return graderPos * refPos + (1 - graderPos) * (1 - refPos);
  }

  /** Cohen's kappa, (p_o - p_e) / (1 - p_e); NaN when chance agreement is 1. */
  public double kappa() {
    double pe = chanceAgreement();
    return pe >= 1 ? Double.NaN : (observedAgreement() - pe) / (1 - pe);
  }

  /**
   * The large-sample standard error of kappa (not under the null): Fleiss, Cohen and Everitt (1969),
   * "Large sample standard errors of kappa and weighted kappa", Psychological Bulletin 72(5):323-327;
   * also Fleiss, Levin and Paik, Statistical Methods for Rates and Proportions (3rd ed., 2003), eq. 18.13:
   * var = [sum_i p_ii((1-pe) - (p_i. + p_.i)(1-po))^2 + (1-po)^2 sum_{i!=j} p_ij(p_.i + p_j.)^2
   * - (po pe - 2 pe + po)^2] / (n (1-pe)^4), rows = grader, columns = reference.
   */
  public double kappaStandardError() {
    double n = n();
    double po = observedAgreement();
    double pe = chanceAgreement();
    double[][] p = {{truePositives / n, falsePositives / n}, {falseNegatives / n, trueNegatives / n}};
    double[] row = {p[0][0] + p[0][1], p[1][0] + p[1][1]};
    double[] col = {p[0][0] + p[1][0], p[0][1] + p[1][1]};
    double diagonal = 0;
    double off = 0;
    for (int i = 0; i < 2; i++) {
      diagonal += p[i][i] * Math.pow((1 - pe) - (row[i] + col[i]) * (1 - po), 2);
      int j = 1 - i;
      off += p[i][j] * Math.pow(col[i] + row[j], 2);
    }
    double variance = (diagonal + Math.pow(1 - po, 2) * off - Math.pow(po * pe - 2 * pe + po, 2)) / (n * Math.pow(1 - pe, 4));
    return Math.sqrt(Math.max(0, variance));
  }

  /** Kappa with the Wald interval kappa +- z * SE, clipped to [-1, 1]. */
  public Estimate kappa(double confidence) {
    double k = kappa();
    if (Double.isNaN(k)) {
      return new Estimate(Double.NaN, -1, 1, "undefined (chance agreement is 1)");
    }
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double se = kappaStandardError();
    return new Estimate(k, Math.max(-1, k - z * se), Math.min(1, k + z * se), "wald, fleiss-cohen-everitt se "
        + String.format(java.util.Locale.ROOT, "%.4f", se));
  }
}
