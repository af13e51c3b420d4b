/** Benchmarks of the built-in graders against human-labelled model outputs. */
@NullMarked
package dev.rehearsal.bench.grade;

import org.jspecify.annotations.NullMarked;
