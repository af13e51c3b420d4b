package dev.rehearsal.stats;

/** Score statistics with restricted maximum-likelihood variances, for difference and ratio intervals. */
final class ScoreSupport {

  private ScoreSupport() {}

  /**
   * Squared Miettinen–Nurminen score statistic for H0: p1 − p2 = delta. The restricted MLE is the
   * closed-form cubic root of Miettinen and Nurminen (1985), Appendix, as written by Farrington and
   * Manning (1990, Stat Med 9:1447-1454, section 2).
   */
  static double miettinenNurminen(int k1, int n1, int k2, int n2, double delta) {
    double p1 = (double) k1 / n1;
    double p2 = (double) k2 / n2;
    double numerator = p1 - p2 - delta;
    if (numerator == 0) {
      return 0;
    }
    double r1 = restrictedP1(p1, n1, p2, n2, delta);
    double r2 = r1 - delta;
    double total = n1 + (double) n2;
    double variance = (r1 * (1 - r1) / n1 + r2 * (1 - r2) / n2) * total / (total - 1);
    return variance <= 0 ? Double.POSITIVE_INFINITY : numerator * numerator / variance;
  }

  static double restrictedP1(double p1, int n1, double p2, int n2, double delta) {
    double theta = (double) n2 / n1;
    double a = 1 + theta;
    double b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
    double c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
    double d = -p1 * delta * (1 + delta);
    double v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + d / (2 * a);
    double s = Math.sqrt(Math.max(0, b * b / (9 * a * a) - c / (3 * a)));
    double u = v >= 0 ? s : -s;
    double cos = u == 0 ? 0 : Math.max(-1, Math.min(1, v / (u * u * u)));
    double w = (Math.PI + Math.acos(cos)) / 3;
    double r1 = 2 * u * Math.cos(w) - b / (3 * a);
    return Math.max(Math.max(0, delta), Math.min(Math.min(1, 1 + delta), r1));
  }

  /**
   * Koopman's (1984, Biometrics 40:513-517) chi-square score statistic for H0: p1 / p2 = ratio,
   * with the restricted MLE of p2 the smaller root of θ(n1+n2)p² − (θ(n1+k2)+k1+n2)p + k1+k2 = 0.
   */
  static double koopman(int k1, int n1, int k2, int n2, double ratio) {
    double a = ratio * (n1 + (double) n2);
    double b = -(ratio * (n1 + (double) k2) + k1 + n2);
    double c = k1 + (double) k2;
    double disc = Math.max(0, b * b - 4 * a * c);
    // Stable smaller root: 2c / (−b + √disc).
    double r2 = c == 0 ? 0 : 2 * c / (-b + Math.sqrt(disc));
    double r1 = ratio * r2;
    return pearson(k1, n1, r1) + pearson(k2, n2, r2);
  }

  private static double pearson(int k, int n, double p) {
    double residual = k - n * p;
    double variance = n * p * (1 - p);
    if (Math.abs(residual) < 1e-12 * Math.max(1, n)) {
      return 0;
    }
    return variance <= 0 ? Double.POSITIVE_INFINITY : residual * residual / variance;
  }
}
