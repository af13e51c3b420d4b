package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * A post-stratified rate with its standard error, effective sample size and interval.
 *
 * @param rate Σ W_h · k_h / n_h over segments h
 * @param standardError √(Σ W_h² p̂_h (1 − p̂_h) / n_h)
 * @param effectiveSampleSize p̂(1 − p̂) / Var(p̂), or the total sample at p̂ ∈ {0, 1}
 * @param lower lower limit
 * @param upper upper limit
 * @param method interval method
 * @param confidence two-sided confidence of [lower, upper]
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record StratifiedEstimate(
    double rate,
    double standardError,
    double effectiveSampleSize,
    double lower,
    double upper,
    StratifiedMethod method,
    double confidence) {}
