package dev.rehearsal.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * Brute-force reference for score intervals, independent of the production code path: the
 * restricted maximum-likelihood estimate is found by golden-section search on the log-likelihood
 * (no closed-form cubic or quadratic), and the limit by plain bisection on the defining equation
 * "score statistic = z²".
 */
final class ScoreReference {

  private ScoreReference() {}

  /** Miettinen–Nurminen limit for p1 − p2 on the side of {@code from} towards {@code to}. */
  static double miettinenNurminenLimit(int k1, int n1, int k2, int n2, double z, double from, double to) {
    DoubleUnaryOperator statistic = delta -> {
      double lo = Math.max(0, delta);
      double hi = Math.min(1, 1 + delta);
      double r1 = argmax(p1 -> logLik(k1, n1, p1) + logLik(k2, n2, p1 - delta), lo, hi);
      double r2 = r1 - delta;
      double n = n1 + n2;
      double v = (r1 * (1 - r1) / n1 + r2 * (1 - r2) / n2) * n / (n - 1);
      double num = (double) k1 / n1 - (double) k2 / n2 - delta;
      return num * num / v;
    };
    return limit(statistic, z * z, from, to);
  }

  /** Koopman limit for p1 / p2, searched on [from, to] in log space. */
  static double koopmanLimit(int k1, int n1, int k2, int n2, double z, double from, double to) {
    DoubleUnaryOperator statistic = logRatio -> {
      double ratio = Math.exp(logRatio);
      double r2 = argmax(p2 -> logLik(k1, n1, ratio * p2) + logLik(k2, n2, p2), 0, Math.min(1, 1 / ratio));
      double r1 = ratio * r2;
      return pearson(k1, n1, r1) + pearson(k2, n2, r2);
    };
    return Math.exp(limit(statistic, z * z, Math.log(from), Math.log(to)));
  }

  private static double pearson(int k, int n, double p) {
    return (k - n * p) * (k - n * p) / (n * p * (1 - p));
  }

  private static double logLik(int k, int n, double p) {
    double a = k == 0 ? 0 : k * Math.log(p);
    double b = k == n ? 0 : (n - k) * Math.log1p(-p);
    return a + b;
  }

  /** Bisection from {@code inside} (statistic below critical) to {@code outside}. */
  private static double limit(DoubleUnaryOperator statistic, double critical, double inside, double outside) {
    double a = inside;
    double b = outside;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (a + b);
      if (statistic.applyAsDouble(mid) < critical) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return 0.5 * (a + b);
  }

  private static double argmax(DoubleUnaryOperator f, double lo, double hi) {
    double g = (Math.sqrt(5) - 1) / 2;
    double a = lo;
    double b = hi;
    for (int i = 0; i < 200; i++) {
      double c = b - g * (b - a);
      double d = a + g * (b - a);
      if (f.applyAsDouble(c) > f.applyAsDouble(d)) {
        b = d;
      } else {
        a = c;
      }
    }
    return 0.5 * (a + b);
  }
}
