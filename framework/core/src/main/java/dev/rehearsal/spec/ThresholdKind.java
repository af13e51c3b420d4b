package dev.rehearsal.spec;

import org.apiguardian.api.API;

/** The kinds of release thresholds. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ThresholdKind {
  /** The one-sided upper bound of the candidate's rate at the stated confidence must not exceed the limit. */
  MAX_RATE("max-rate"),
  /** The candidate's rate divided by production's (both Jeffreys-smoothed) must not exceed the limit. */
  MAX_RATIO_TO_PRODUCTION("max-ratio-to-production");

  private final String key;

  ThresholdKind(String key) {
    this.key = key;
  }

  /** The spec key that selects this kind. */
  public String key() {
    return key;
  }
}
