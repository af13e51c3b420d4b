package dev.rehearsal.forecast;

import org.apiguardian.api.API;

/**
 * A way to forecast a category's production rate after the release, scored side by side.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Method {
  /** The simulation X→Y: the candidate answering the deployed model's prefixes. */
  RAW("simulation X→Y"),
  /** The simulation corrected by the pipeline's measured fidelity, r_prod(Y)·r_sim(X→Y)/r_sim(Y→Y). */
  CALIBRATED("fidelity-calibrated"),
  /** Baseline: nothing changes, X behaves as Y did in production. */
  PREVIOUS("previous production"),
  /** Baseline: the candidate's rate on a challenging-prompt suite (a traditional adversarial eval). */
  CHALLENGING("challenging prompts");

  private final String label;

  Method(String label) {
    this.label = label;
  }

  /** How reports name it. */
  public String label() {
    return label;
  }

  /** Lower-case wire name for JSON and test names. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
