package dev.rehearsal.run.store;

import org.apiguardian.api.API;

/**
 * One stored forecast input: k of n for a category in a segment of one arm, the forecast
 * distribution Beta(alpha, beta) made from it, and the fingerprint of the grader that measured it.
 *
 * @param release the release label the forecast belongs to
 * @param kind which measurement ({@code simulation}, {@code production}, {@code fidelity}, {@code challenging})
 * @param category the category id
 * @param segment the segment id, or {@code overall}
 * @param events k
 * @param trials n
 * @param alpha the forecast's first Beta shape, k+½ for the Jeffreys forecast
 * @param beta the forecast's second Beta shape, n−k+½
 * @param grader the grader id
 * @param graderFingerprint the frozen measurement's fingerprint
 * @param gate the gate whose run produced it
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ForecastRow(String release, String kind, String category, String segment, long events, long trials,
    double alpha, double beta, String grader, String graderFingerprint, String gate) {}
