/**
 * Graders: the grader SPI, rule graders, judge graders, fingerprints and gate locks.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.grade;

import org.jspecify.annotations.NullMarked;
