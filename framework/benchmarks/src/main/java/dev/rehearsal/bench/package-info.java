/**
 * Benchmarks that print ratios measured in one run (see BENCHMARKS.md).
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.bench;

import org.jspecify.annotations.NullMarked;
