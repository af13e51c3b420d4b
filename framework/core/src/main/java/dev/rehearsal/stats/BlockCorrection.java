package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Strategy for correcting many gates' block flags so that few gates block by chance.
 *
 * <p>The release passes only if every gate passes, an intersection-union test (Berger 1982,
 * Technometrics 24:295-300): the chance of a false pass is at most the largest per-gate level, so
 * pass decisions need no correction. Block flags are the many tests that can fire by chance.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public enum BlockCorrection {

  /**
   * Holm (1979, Scand J Stat 6:65-70) step-down: controls the family-wise error rate, the chance of
   * even one false block. The default: a false block stops a release.
   */
  HOLM,

  /**
   * Benjamini and Hochberg (1995, JRSS B 57:289-300) step-up: controls the expected share of false
   * blocks among blocks. More power with many gates; use when a block triggers review, not a stop.
   */
  BENJAMINI_HOCHBERG,

  /** No correction: each gate at its own level. */
  NONE
}
