package dev.rehearsal.stats;

import org.apache.commons.numbers.gamma.InverseErfc;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * Fast quantiles of the Beta(a, b) distribution: the inverse of the regularized incomplete beta
 * function I_x(a, b), for the Clopper–Pearson, Jeffreys and Korn–Graubard limits.
 *
 * <p>Method (after Numerical Recipes 3rd ed. §6.4 {@code invbetai} and Boost.Math {@code
 * ibeta_inv}): closed forms when a = 1 or b = 1 (I_x(1, b) = 1 − (1 − x)^b, I_x(a, 1) = x^a); an
 * initial guess from Abramowitz and Stegun 26.5.22 (a, b ≥ 1; with the exact normal quantile) or
 * the small-x / small-(1−x) power-law approximation (a or b &lt; 1); then Halley-type iterations on
 * G(x) − t, where G is the lower tail I_x(a, b) or the upper tail 1 − I_x(a, b), whichever
 * probability t ≤ ½ is asked for, so the target is always the smaller tail and is computed without
 * cancellation ({@link RegularizedBeta#value} / {@link RegularizedBeta#complement}, Commons Numbers'
 * port of Boost's {@code ibeta}), or, when a, b &gt; 1 and a + b ≤ {@value #FAST_PATH_MAX_SHAPE}, by
 * {@link #tail}: the Didonato–Morris continued fraction with the power terms x^a (1−x)^b / B(a, b)
 * formed from logs and a log B(a, b) that callers may share between the two limits of an interval.
 * The density comes from the same logs, with no further special-function call.
 *
 * <p>Safeguards: every evaluation narrows a bracket [lo, hi] that contains the root; a step
 * that leaves the bracket (or meets a zero or non-finite density) is replaced by bisection
 * (geometric when the bracket spans orders of magnitude), so the iteration cannot diverge and ends
 * within {@value #MAX_ITERATIONS} steps. Step: with the Newton step d, the root is x + d·τ where
 * ∫_0^τ exp(φ(u)) du = 1 and φ(u) = (a−1)·log1p(u·d/x) + (b−1)·log1p(−u·d/(1−x)) (the log density
 * ratio, known in closed form); τ is the series reversion of that equation to fifth order. The step
 * is returned without another evaluation when its fifth-order term times |d| is below {@value
 * #SERIES_TOLERANCE} of min(x, 1 − x) (the neglected sixth-order term is smaller by about |q_1|
 * ≤ ¼), or when the Newton step is below {@value #STEP_TOLERANCE} of min(x, 1 − x).
 *
 * <p>Accuracy: relative error ≤ 1e-9 against Commons Statistics' {@code BetaDistribution} inverse
 * (a Brent solve to machine precision) over n = 1..20,000 and rare-rate corners up to n = 10^6 (see
 * {@code BetaQuantileTests}).
 */
final class BetaQuantile {

  /** Relative step (of min(x, 1 − x)) below which the iteration has converged. */
  static final double STEP_TOLERANCE = 1e-13;

  /** The series step is used when |q_1|, |d/x| and |d/(1 − x)| are below this. */
  static final double SERIES_LIMIT = 0.25;

  /** Fifth-order term of the series step, relative to min(x, 1 − x), below which it is returned. */
  static final double SERIES_TOLERANCE = 1e-11;

  static final int MAX_ITERATIONS = 200;

  /** Largest a + b for the own continued-fraction tail (power terms from logs stay accurate). */
  static final double FAST_PATH_MAX_SHAPE = 1e5;

  /** Relative convergence of the continued fraction. */
  static final double FRACTION_TOLERANCE = 1e-15;

  /** Terms of the continued fraction before falling back to {@link RegularizedBeta}. */
  static final int FRACTION_MAX_TERMS = 300;

  private static final double SQRT2 = Math.sqrt(2);

  private BetaQuantile() {}

  /** The x in [0, 1] with P(X ≤ x) = p for X ~ Beta(a, b). */
  static double inverseCumulativeProbability(double a, double b, double p) {
    return inverseCumulativeProbability(a, b, p, Double.NaN);
  }

  /**
   * As {@link #inverseCumulativeProbability(double, double, double)}, with log B(a, b) supplied by
   * the caller (for example shared by the two limits of one interval); NaN means "compute it".
   */
  static double inverseCumulativeProbability(double a, double b, double p, double logBeta) {
    if (!(p > 0)) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    return p <= 0.5 ? solve(a, b, p, false, logBeta) : solve(a, b, 1 - p, true, logBeta);
  }

  /** The x in [0, 1] with P(X &gt; x) = q for X ~ Beta(a, b). */
  static double inverseSurvivalProbability(double a, double b, double q) {
    return inverseSurvivalProbability(a, b, q, Double.NaN);
  }

  /**
   * As {@link #inverseSurvivalProbability(double, double, double)}, with log B(a, b) supplied by
   * the caller; NaN means "compute it".
   */
  static double inverseSurvivalProbability(double a, double b, double q, double logBeta) {
    if (!(q > 0)) {
      return 1;
    }
    if (q >= 1) {
      return 0;
    }
    return q <= 0.5 ? solve(a, b, q, true, logBeta) : solve(a, b, 1 - q, false, logBeta);
  }

  /**
   * Solves G(x) = t with t in (0, ½]: G is the lower tail I_x(a, b) when {@code upper} is false,
   * else the upper tail 1 − I_x(a, b).
   */
  static double solve(double a, double b, double t, boolean upper) {
    return solve(a, b, t, upper, Double.NaN);
  }

  /** As {@link #solve(double, double, double, boolean)} with log B(a, b) given (NaN: compute it). */
  static double solve(double a, double b, double t, boolean upper, double logBeta) {
    // Closed forms.
    if (a == 1) {
      // I_x(1, b) = 1 − (1 − x)^b.
      return upper ? -Math.expm1(Math.log(t) / b) : -Math.expm1(Math.log1p(-t) / b);
    }
    if (b == 1) {
      // I_x(a, 1) = x^a.
      return upper ? Math.exp(Math.log1p(-t) / a) : Math.exp(Math.log(t) / a);
    }
    if (Double.isNaN(logBeta)) {
      logBeta = LogBeta.value(a, b);
    }
    double x = initial(a, b, t, upper);
    if (!(x > 0 && x < 1)) {
      x = a / (a + b);
    }
    double lo = 0;
    double hi = 1;
    // Own continued fraction for the tail when both shapes exceed 1 and the power terms
    // x^a (1−x)^b / B(a, b), formed from logs, keep about 1e-12 relative accuracy.
    boolean fastPath = a > 1 && b > 1 && a + b <= FAST_PATH_MAX_SHAPE;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double y = 1 - x;
      double lx = Math.log(x);
      double ly = Math.log1p(-x);
      // Beta density x^(a−1) (1−x)^(b−1) / B(a, b), from the shared log B(a, b).
      double density = Math.exp((a - 1) * lx + (b - 1) * ly - logBeta);
      double g = fastPath ? tail(a, b, x, y, upper, density * x * y) : Double.NaN;
      if (Double.isNaN(g)) {
        g = upper ? RegularizedBeta.complement(x, a, b) : RegularizedBeta.value(x, a, b);
      }
      double f = g - t;
      if (f == 0) {
        return x;
      }
      // Lower tail rises with x, upper tail falls: is the root above x?
      if (upper == (f > 0)) {
        lo = x;
      } else {
        hi = x;
      }
      double next = Double.NaN;
      if (density > 0 && density < Double.POSITIVE_INFINITY) {
        // Newton step d = −(G − t)/G′; the root is x + d·τ, where τ solves
        // ∫_0^τ g(x + d·u)/g(x) du = 1 and g(x + d·u)/g(x) = exp(φ(u)) with
        // φ(u) = (a−1)·log1p(r·u) + (b−1)·log1p(−s·u), r = d/x, s = d/(1−x).
        double d = (upper ? f : -f) / density;
        double r = d / x;
        double s = d / y;
        double ld = (a - 1) * r - (b - 1) * s;
        double scale = Math.min(x, y);
        if (Math.abs(d) <= STEP_TOLERANCE * scale) {
          return Math.max(lo, Math.min(hi, x + d));
        }
        if (Math.abs(ld) < SERIES_LIMIT && Math.abs(r) < SERIES_LIMIT && Math.abs(s) < SERIES_LIMIT) {
          // φ(u) = Σ q_j u^j with q_j = ((−1)^(j+1)·(a−1)·r^j − (b−1)·s^j)/j. Reverting
          // ∫_0^τ exp(φ) = 1 gives τ = 1 + T1 + … + T5, T_j of order j in the step (derived with
          // sympy; T1 + T2 + T3 is the former third-order step).
          double am1 = a - 1;
          double bm1 = b - 1;
          double r2 = r * r;
          double s2 = s * s;
          double q1 = ld;
          double q2 = -0.5 * (am1 * r2 + bm1 * s2);
          double q3 = (am1 * r2 * r - bm1 * s2 * s) / 3;
          double q4 = -0.25 * (am1 * r2 * r2 + bm1 * s2 * s2);
          double q5 = 0.2 * (am1 * r2 * r2 * r - bm1 * s2 * s2 * s);
          double q1q1 = q1 * q1;
          double t5 = q1q1 * (q1 * (-q1q1 / 6 + 163.0 / 180 * q2) - 101.0 / 120 * q3)
              + q1 * (-127.0 / 180 * q2 * q2 + 8.0 / 15 * q4) + 5.0 / 12 * q2 * q3 - q5 / 6;
          double tau = 1 - 0.5 * q1 + (q1q1 - q2) / 3
              + (-0.25 * q1q1 * q1 + 7.0 / 12 * q1 * q2 - 0.25 * q3)
              + (0.2 * q1q1 * q1q1 - 23.0 / 30 * q1q1 * q2 + 0.55 * q1 * q3 + 7.0 / 30 * q2 * q2 - 0.2 * q4)
              + t5;
          next = x + d * tau;
          // The neglected sixth-order term is about |q1| times the fifth-order one.
          if (Math.abs(d * t5) <= SERIES_TOLERANCE * scale) {
            // Converged: the root lies in [lo, hi], so clamping only moves a step rounded past an
            // end point back towards it.
            return Math.max(lo, Math.min(hi, next));
          }
        } else {
          // Far from the root: Newton, or Halley when its correction is moderate.
          double c2d = 0.5 * ld;
          double denominator = 1 + c2d;
          next = x + (denominator > 0.5 && denominator < 2 ? d / denominator : d);
        }
        if (!(next > lo && next < hi)) {
          next = Double.NaN;
        }
      }
      if (Double.isNaN(next)) {
        next = bisect(lo, hi);
        if (next == lo || next == hi) {
          return next;
        }
      }
      x = next;
    }
    return x;
  }

  /**
   * The tail G(x) (lower I_x(a, b) or upper 1 − I_x(a, b)) from the continued fraction of
   * Didonato and Morris (1992, ACM TOMS 18:360–373, BFRAC), evaluated by the modified Lentz
   * method: I_x(a, b) = prefix / (β_0 + α_1/(β_1 + α_2/(β_2 + …))) with prefix = x^a (1−x)^b /
   * B(a, b). It converges fast for x at or below the mean a/(a + b); above the mean the fraction
   * is taken for I_(1−x)(b, a), which has the same prefix. NaN when it cannot be trusted (the
   * prefix is zero or not finite, or no convergence), so the caller falls back to {@link
   * RegularizedBeta}.
   */
  static double tail(double a, double b, double x, double y, boolean upper, double prefix) {
    if (!(prefix > Double.MIN_NORMAL && prefix < Double.POSITIVE_INFINITY)) {
      return Double.NaN;
    }
    boolean swap = a - (a + b) * x < 0;
    double p = a;
    double q = b;
    double u = x;
    double v = y;
    if (swap) {
      p = b;
      q = a;
      u = y;
      v = x;
    }
    // I_u(p, q) = prefix / fraction.
    double f = p * (p * v - q * u + 1) / (p + 1);
    if (f == 0) {
      f = 1e-300;
    }
    double c = f;
    double d = 0;
    double u2 = u * u;
    int m = 1;
    for (; m <= FRACTION_MAX_TERMS; m++) {
      double den = p + 2 * m - 1;
      double alpha = (p + m - 1) * (p + q + m - 1) * m * (q - m) * u2 / (den * den);
      double beta = m + m * (q - m) * u / den + (p + m) * (p * v - q * u + 1 + m * (2 - u)) / (den + 2);
      d = beta + alpha * d;
      if (d == 0) {
        d = 1e-300;
      }
      d = 1 / d;
      c = beta + alpha / c;
      if (c == 0) {
        c = 1e-300;
      }
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) <= FRACTION_TOLERANCE) {
        break;
      }
    }
    if (m > FRACTION_MAX_TERMS || !(f > 0)) {
      return Double.NaN;
    }
    double value = prefix / f;
    // value is I_x(a, b) when not swapped, else 1 − I_x(a, b).
    return upper == swap ? value : 1 - value;
  }

  /**
   * A point inside (lo, hi): the midpoint in log x below ½ and in log(1 − x) above ½ when the
   * bracket spans orders of magnitude, so a root near 0 or 1 is reached in few steps.
   */
  private static double bisect(double lo, double hi) {
    if (hi <= 0.5) {
      // With no lower point yet, square hi (at most /16) so a root that underflows is reached fast.
      return lo == 0 ? hi * Math.min(hi, 1.0 / 16) : hi > 16 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    }
    if (lo >= 0.5) {
      double qLo = 1 - lo;
      double qHi = 1 - hi;
      return 1 - (qHi == 0 ? qLo * Math.min(qLo, 1.0 / 16) : qLo > 16 * qHi ? Math.sqrt(qLo * qHi) : 0.5 * (qLo + qHi));
    }
    return 0.5;
  }

  /**
   * Initial guess: Abramowitz and Stegun 26.5.22 for a, b ≥ 1 (as in Numerical Recipes {@code
   * invbetai}, with the exact normal quantile), else the leading power-law terms of the tails.
   */
  static double initial(double a, double b, double t, boolean upper) {
    if (a >= 1 && b >= 1) {
      // y is the upper t point of the standard normal; 26.5.22 gives the lower-tail t quantile
      // for +y and the upper-tail t quantile for −y.
      double y = SQRT2 * InverseErfc.value(2 * t);
      if (upper) {
        y = -y;
      }
      double lambda = (y * y - 3) / 6;
      double h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
      double w = y * Math.sqrt(h + lambda) / h
          - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h));
      return a / (a + b * Math.exp(2 * w));
    }
    double lna = Math.log(a / (a + b));
    double lnb = Math.log(b / (a + b));
    double ta = Math.exp(a * lna) / a;
    double tb = Math.exp(b * lnb) / b;
    double w = ta + tb;
    double p = upper ? 1 - t : t;
    if (p < ta / w) {
      return Math.pow(a * w * p, 1 / a);
    }
    return 1 - Math.pow(b * w * (upper ? t : 1 - t), 1 / b);
  }
}
