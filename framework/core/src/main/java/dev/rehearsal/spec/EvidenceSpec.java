package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * How much evidence a check needs before it may pass or breach, and what happens without it.
 * Declared gate-wide under {@code evidence:} and overridable per threshold.
 *
 * @param minSamples the fewest graded responses per arm in the checked segment (at least 1)
 * @param onInconclusive what a check with fewer does
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EvidenceSpec(int minSamples, InconclusivePolicy onInconclusive) {

  /** One response and fail: a segment without any graded response never lets a release through. */
  public static final EvidenceSpec DEFAULT = new EvidenceSpec(1, InconclusivePolicy.FAIL);

  public EvidenceSpec {
    if (minSamples < 1) {
      throw new IllegalArgumentException("min-samples is not strictly positive: " + minSamples);
    }
  }
}
