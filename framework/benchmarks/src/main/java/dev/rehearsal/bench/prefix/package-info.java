/** Benchmarks of prefix sampling: a synthetic log generator and the streaming-sampling benchmark. */
@NullMarked
package dev.rehearsal.bench.prefix;

import org.jspecify.annotations.NullMarked;
