/**
 * Runtime decorators over {@link dev.rehearsal.model.ModelClient}: concurrency, rate limits,
 * retries, timeouts, circuit breaking, budgets, counting and progress.
 */
@NullMarked
package dev.rehearsal.model.runtime;

import org.jspecify.annotations.NullMarked;
