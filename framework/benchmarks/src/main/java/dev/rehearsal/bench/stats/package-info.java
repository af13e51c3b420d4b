/** Benchmarks of the statistics: interval throughput, coverage, PPI, sequential stopping, planning. */
@NullMarked
package dev.rehearsal.bench.stats;

import org.jspecify.annotations.NullMarked;
