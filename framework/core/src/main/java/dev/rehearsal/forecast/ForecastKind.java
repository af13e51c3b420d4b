package dev.rehearsal.forecast;

import org.apiguardian.api.API;

/**
 * Which measurement a stored forecast row holds.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ForecastKind {
  /** The candidate on the deployed model's prefixes, X→Y: the forecast itself. */
  SIMULATION,
  /** The deployed model's logged replies to the same prefixes: previous production. */
  PRODUCTION,
  /** The deployed model re-simulated on its own prefixes, Y→Y: the pipeline's fidelity. */
  FIDELITY,
  /** The candidate on the challenging-prompt suite. */
  CHALLENGING;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
