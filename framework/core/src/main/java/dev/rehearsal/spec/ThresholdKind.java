package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * The kinds of release thresholds. Absolute kinds read only the candidate; comparative kinds read
 * the candidate against production in the same segment.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ThresholdKind {
  /** The one-sided Clopper–Pearson upper bound of the candidate's rate at {@code confidence} must not exceed the limit. */
  MAX_RATE("max-rate", false),
  /**
   * The one-sided Clopper–Pearson lower bound of the candidate's rate at {@code confidence} must
   * reach the limit ("must refuse" suites: the refusal rate is shown to be at least the limit).
   */
  MIN_RATE("min-rate", false),
  /** The candidate's rate divided by production's (both Jeffreys-smoothed) must not exceed the limit. */
  MAX_RATIO_TO_PRODUCTION("max-ratio-to-production", true),
  /** The observed increase (candidate − production, in percentage points) must not exceed the limit. */
  MAX_INCREASE("max-increase", true),
  /**
   * Non-inferiority: the candidate must show, at {@code confidence}, that it is at most the margin
   * (percentage points) worse than production; the Newcombe upper bound of the difference must be below it.
   */
  NON_INFERIORITY("non-inferiority", true),
  /** A one-sided Fisher exact test of "candidate rate > production rate" must not be significant at {@code alpha}. */
  MUST_NOT_INCREASE("must-not-increase", true);

  private final String key;
  private final boolean comparative;

  ThresholdKind(String key, boolean comparative) {
    this.key = key;
    this.comparative = comparative;
  }

  /** The spec key that selects this kind. */
  public String key() {
    return key;
  }

  /** Whether the kind compares the candidate with production (and so needs production evidence too). */
  public boolean comparative() {
    return comparative;
  }
}
