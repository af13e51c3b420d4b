package dev.rehearsal.stats.internal;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/** Argument checks whose messages name the parameter, the rule and the value. */
@API(status = Status.INTERNAL, since = "0.1")
public final class Checks {

  private Checks() {}

  /** Checks 0 ≤ k ≤ n and n ≥ 1 for k events in n trials. */
  public static void counts(int k, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Number of trials is not strictly positive: " + n);
    }
    if (k < 0 || k > n) {
      throw new IllegalArgumentException(
          "Number of events is not in [0, number of trials " + n + "]: " + k);
    }
  }

  /** Checks counts where zero trials is allowed (then there can be no events). */
  public static void countsAllowingNone(int k, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Number of trials is negative: " + n);
    }
    if (k < 0 || k > n) {
      throw new IllegalArgumentException(
          "Number of events is not in [0, number of trials " + n + "]: " + k);
    }
  }

  /** Checks a confidence level strictly inside (0, 1). */
  public static void confidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("Confidence is not in the open interval (0, 1): " + confidence);
    }
  }

  /** Checks a probability in [0, 1]. */
  public static void probability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " is not in [0, 1]: " + p);
    }
  }

  /** Checks a value strictly inside (0, 1). */
  public static void openProbability(String name, double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException(name + " is not in the open interval (0, 1): " + p);
    }
  }

  /** Checks a strictly positive value. */
  public static void positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " is not strictly positive: " + value);
    }
  }
}
