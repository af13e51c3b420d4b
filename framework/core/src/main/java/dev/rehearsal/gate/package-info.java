/**
 * Release thresholds: rate estimates, threshold checks and their outcomes.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.gate;

import org.jspecify.annotations.NullMarked;
