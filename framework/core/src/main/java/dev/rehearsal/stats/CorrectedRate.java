package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * A rate corrected for grader error, with its standard error and interval.
 *
 * @param rate corrected rate, clipped to [0, 1]
 * @param standardError standard error including the calibration (or human-label) uncertainty
 * @param lower lower limit, at least 0
 * @param upper upper limit, at most 1
 * @param confidence two-sided confidence of [lower, upper]
 * @param method name of the correction
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record CorrectedRate(
    double rate, double standardError, double lower, double upper, double confidence, String method) {}
