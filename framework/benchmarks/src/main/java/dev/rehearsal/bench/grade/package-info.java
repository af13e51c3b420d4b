/** Benchmarks of the built-in graders: against human-labelled outputs, and on hostile (huge) output. */
@NullMarked
package dev.rehearsal.bench.grade;

import org.jspecify.annotations.NullMarked;
