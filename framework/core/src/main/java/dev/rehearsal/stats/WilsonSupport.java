package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;

/** Closed forms of the Wilson score limits, shared by the single-rate and difference intervals. */
final class WilsonSupport {

  private WilsonSupport() {}

  static double lower(int k, int trials, double z) {
    Checks.counts(k, trials);
    double n = trials; // double: 2 * n overflows int for n >= 2^30 (issue 12)
    if (k == 0) {
      return 0;
    }
    double p = (double) k / n;
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return Math.max(0, (centre - half) / (1 + z2 / n));
  }

  static double upper(int k, int trials, double z) {
    Checks.counts(k, trials);
    double n = trials; // double: 2 * n overflows int for n >= 2^30 (issue 12)
    if (k == trials) {
      return 1;
    }
    double p = (double) k / n;
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return Math.min(1, (centre + half) / (1 + z2 / n));
  }

  // Newcombe (1998) Stat Med 17:857, method 4: continuity-corrected score limits.
  static double lowerCorrected(int k, int trials, double z) {
    Checks.counts(k, trials);
    double n = trials; // double: 2 * n overflows int for n >= 2^30 (issue 12)
    if (k == 0) {
      return 0;
    }
    double p = (double) k / n;
    double z2 = z * z;
    double root = Math.sqrt(z2 - 2 - 1.0 / n + 4 * p * (n * (1 - p) + 1));
    return Math.max(0, (2 * n * p + z2 - 1 - z * root) / (2 * (n + z2)));
  }

  static double upperCorrected(int k, int trials, double z) {
    Checks.counts(k, trials);
    double n = trials; // double: 2 * n overflows int for n >= 2^30 (issue 12)
    if (k == trials) {
      return 1;
    }
    double p = (double) k / n;
    double z2 = z * z;
    double root = Math.sqrt(z2 + 2 - 1.0 / n + 4 * p * (n * (1 - p) - 1));
    return Math.min(1, (2 * n * p + z2 + 1 + z * root) / (2 * (n + z2)));
  }
}
