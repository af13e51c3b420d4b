/** Benchmarks of the model clients, the runtime and the response cache. */
@NullMarked
package dev.rehearsal.bench.runtime;

import org.jspecify.annotations.NullMarked;
