/** Benchmarks of graders and reports on hostile (huge, pathological) model output. */
@NullMarked
package dev.rehearsal.bench.grade;

import org.jspecify.annotations.NullMarked;
