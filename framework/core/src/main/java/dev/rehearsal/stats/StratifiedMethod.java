package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Strategy for the interval of a post-stratified rate.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public enum StratifiedMethod {

  /**
   * Fay and Feuer (1997, "Confidence intervals for directly standardized rates: a method based on
   * the gamma distribution", Stat Med 16:791-801): gamma limits from the weighted count and its
   * variance, with the largest per-turn weight added for the upper limit. The default: it stays
   * honest at zero events, where the segment with the largest weight per sampled turn sets the
   * bound. Conservative for rates that are not rare (it is Poisson-based).
   */
  FAY_FEUER,

  /**
   * Korn and Graubard (1998, "Confidence intervals for proportions with small expected number of
   * positive counts estimated from survey data", Survey Methodology 24:193-201): Clopper–Pearson
   * limits at the effective sample size p̂(1−p̂)/Var(p̂), capped at the actual sample size (the
   * degrees-of-freedom adjustment of their paper is not applied). At zero events the effective size
   * falls back to the total sample, which ignores the weights: prefer {@link #FAY_FEUER} there.
   */
  KORN_GRAUBARD
}
