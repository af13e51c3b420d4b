package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * The fast Beta inverse against Commons Statistics' {@link BetaDistribution} inverse (a Brent solve
 * to machine precision, the reference), against the binomial defining equation solved by bisection
 * here, and against the closed forms at k = 0 and k = n.
 */
class BetaQuantileTests {

  private static final double RELATIVE = 1e-9;

  private static final double[] CONFIDENCES = {0.8, 0.9, 0.95, 0.99, 0.999};

  /** One Beta quantile: lower-tail (cumulative) or upper-tail (survival) probability p. */
  private record Case(double a, double b, double p, boolean survival) {

    double fast() {
      return survival
          ? BetaQuantile.inverseSurvivalProbability(a, b, p)
          : BetaQuantile.inverseCumulativeProbability(a, b, p);
    }

    double reference() {
      BetaDistribution d = BetaDistribution.of(a, b);
      return survival ? d.inverseSurvivalProbability(p) : d.inverseCumulativeProbability(p);
    }
  }

  /** The Clopper–Pearson and Jeffreys lower and upper limits for k of n, tails (1−c)/2 and 1−c. */
  private static void addLimits(List<Case> cases, int k, int n) {
    for (double c : CONFIDENCES) {
      for (double tail : new double[] {(1 - c) / 2, 1 - c}) {
        if (k > 0) {
          cases.add(new Case(k, n - k + 1.0, tail, false));
          cases.add(new Case(k + 0.5, n - k + 0.5, tail, false));
        }
        if (k < n) {
          cases.add(new Case(k + 1.0, n - k, tail, true));
          cases.add(new Case(k + 0.5, n - k + 0.5, tail, true));
        }
      }
    }
  }

  private static void assertAllMatch(List<Case> cases) {
    double worst = 0;
    Case worstCase = null;
    for (Case c : cases) {
      double expected = c.reference();
      double actual = c.fast();
      double error = expected == actual ? 0 : Math.abs(actual - expected) / Math.abs(expected);
      if (!(error <= worst)) {
        worst = error;
        worstCase = c;
      }
    }
    assertThat(worst).as("largest relative error, at %s", worstCase).isLessThanOrEqualTo(RELATIVE);
  }

  @Test
  void fast_beta_inverse_matches_commons_statistics_to_1e9_on_a_dense_grid() {
    List<Case> cases = new ArrayList<>();
    for (int n = 1; n <= 100; n++) {
      for (int k = 0; k <= n; k++) {
        addLimits(cases, k, n);
      }
    }
    assertThat(cases).hasSizeGreaterThan(100_000);
    assertAllMatch(cases);
  }

  @Test
  void fast_beta_inverse_matches_commons_statistics_to_1e9_on_seeded_counts_up_to_20000() {
    SplittableRandom random = new SplittableRandom(20261101L);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      int n = 1 + random.nextInt(20_000);
      addLimits(cases, random.nextInt(n + 1), n);
      // Rare and near-certain rates, where the limits sit close to 0 or 1.
      int small = random.nextInt(Math.min(n, 50) + 1);
      addLimits(cases, small, n);
      addLimits(cases, n - small, n);
    }
    assertAllMatch(cases);
  }

  @Test
  void fast_beta_inverse_matches_commons_statistics_to_1e9_at_rare_rate_corners_up_to_a_million() {
    List<Case> cases = new ArrayList<>();
    for (int n : new int[] {1_000, 10_000, 20_000, 100_000, 777_777, 1_000_000}) {
      for (int k = 0; k <= 5; k++) {
        addLimits(cases, k, n);
        addLimits(cases, n - k, n);
      }
    }
    assertAllMatch(cases);
  }

  @Test
  void fast_beta_inverse_matches_commons_statistics_for_general_shapes_and_probabilities() {
    // Forecast quantiles and Korn–Graubard limits use non-integer shapes, small ones included.
    SplittableRandom random = new SplittableRandom(6L);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      double a = Math.exp(random.nextDouble(Math.log(0.05), Math.log(1e5)));
      double b = Math.exp(random.nextDouble(Math.log(0.05), Math.log(1e5)));
      double p = random.nextBoolean() ? random.nextDouble() : Math.exp(random.nextDouble(Math.log(1e-12), 0));
      cases.add(new Case(a, b, p, random.nextBoolean()));
    }
    assertAllMatch(cases);
  }

  @Test
  void clopper_pearson_upper_limit_solves_the_binomial_defining_equation() {
    // P(X ≤ k | n, upper) = α, solved here by bisection on the binomial distribution to 1e-15.
    SplittableRandom random = new SplittableRandom(42L);
    for (int i = 0; i < 300; i++) {
      int n = 1 + random.nextInt(i < 100 ? 100 : 20_000);
      int k = random.nextInt(i % 2 == 0 ? Math.min(n, 10) : n);
      double alpha = 1 - CONFIDENCES[i % CONFIDENCES.length];
      double lo = 0;
      double hi = 1;
      while (hi - lo > 1e-15 * hi) {
        double mid = 0.5 * (lo + hi);
        if (BinomialDistribution.of(n, mid).cumulativeProbability(k) > alpha) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      double upper = Proportions.upperBound(k, n, 1 - alpha, IntervalMethod.CLOPPER_PEARSON);
      assertThat(Math.abs(upper - hi) / hi).as("k=%d n=%d alpha=%s", k, n, alpha).isLessThanOrEqualTo(RELATIVE);
    }
  }

  @Test
  void clopper_pearson_limits_at_zero_and_all_events_are_the_closed_forms() {
    for (int n : new int[] {1, 2, 20, 1_000, 1_000_000}) {
      for (double c : CONFIDENCES) {
        double alpha = 1 - c;
        double zeroUpper = Proportions.upperBound(0, n, c, IntervalMethod.CLOPPER_PEARSON);
        double allLower = Proportions.lowerBound(n, n, c, IntervalMethod.CLOPPER_PEARSON);
        double expectedUpper = -Math.expm1(Math.log(alpha) / n);
        assertThat(Math.abs(zeroUpper - expectedUpper) / expectedUpper).isLessThanOrEqualTo(1e-14);
        assertThat(allLower).isCloseTo(Math.pow(alpha, 1.0 / n), org.assertj.core.api.Assertions.within(1e-15));
      }
    }
  }

  @Test
  void fast_beta_inverse_stays_in_the_unit_interval_and_ordered_at_extreme_shapes_and_tails() {
    double[] shapes = {1e-3, 0.01, 0.5, 1, 1.5, 10, 1e4, 1e6};
    double[] tails = {1e-300, 1e-100, 1e-12, 1e-3, 0.4};
    for (double a : shapes) {
      for (double b : shapes) {
        double previous = -1;
        for (double p : tails) {
          double x = BetaQuantile.inverseCumulativeProbability(a, b, p);
          assertThat(x).as("a=%s b=%s p=%s", a, b, p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
          previous = x;
          double y = BetaQuantile.inverseSurvivalProbability(a, b, p);
          assertThat(y).as("a=%s b=%s q=%s", a, b, p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(x);
        }
      }
    }
  }

  @Test
  void own_continued_fraction_tail_matches_regularized_beta_to_1e12() {
    // BetaQuantile.tail (Didonato–Morris fraction with log-form power terms) against Commons
    // Numbers' RegularizedBeta, on both sides of the mean and both tails.
    SplittableRandom random = new SplittableRandom(61);
    double worst = 0;
    for (int i = 0; i < 20_000; i++) {
      double a = Math.exp(1e-9 + random.nextDouble() * Math.log(5e4));
      double b = Math.exp(1e-9 + random.nextDouble() * Math.log(5e4));
      if (!(a > 1 && b > 1)) {
        continue;
      }
      // x within ±6 standard deviations of the mean, clipped into (0, 1).
      double mean = a / (a + b);
      double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
      double x = Math.min(1 - 1e-12, Math.max(1e-300, mean + (random.nextDouble() * 12 - 6) * sd));
      double y = 1 - x;
      double prefix = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - LogBeta.value(a, b));
      boolean upper = random.nextBoolean();
      double got = BetaQuantile.tail(a, b, x, y, upper, prefix);
      double expected = upper ? RegularizedBeta.complement(x, a, b) : RegularizedBeta.value(x, a, b);
      if (Double.isNaN(got) || expected < 1e-280) {
        continue;
      }
      // Relative for the small tail; absolute when the fraction gave the other tail (1 − value).
      double error = Math.abs(got - expected) / Math.min(1, Math.max(expected, 1 - expected));
      worst = Math.max(worst, error);
      assertThat(error).as("a=%s b=%s x=%s upper=%s", a, b, x, upper).isLessThan(1e-11);
    }
    assertThat(worst).isLessThan(1e-11);
  }

  @Test
  void shared_log_beta_intervals_equal_separate_limits() {
    // Proportions.interval shares one log B between the two limits; it must give the same limits
    // as computing each limit alone.
    for (int n = 1; n <= 400; n += 3) {
      for (int k = 0; k <= n; k++) {
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.CLOPPER_PEARSON, IntervalMethod.JEFFREYS}) {
          RateInterval interval = Proportions.interval(k, n, 0.95, method);
          double lower = method.lower(k, n, 0.025);
          double upper = method.upper(k, n, 0.025);
          assertThat(interval.lower()).isCloseTo(lower, org.assertj.core.api.Assertions.within(1e-12 * Math.max(lower, 1e-300)));
          assertThat(interval.upper()).isCloseTo(upper, org.assertj.core.api.Assertions.within(1e-12 * upper));
        }
      }
    }
  }
}
