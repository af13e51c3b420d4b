/**
 * Statistics for release gates: rate intervals, forecasts, comparisons, corrections, sequential
 * decisions, planning and forecast scoring.
 *
 * <p>Every method is a documented strategy and is tested against published reference values; see
 * docs/statistics.md for the defaults and why they were chosen.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.stats;

import org.jspecify.annotations.NullMarked;
