/**
 * The rehearsal pipeline: arms, grading, estimates, decisions, the decision table and run reports.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.run;

import org.jspecify.annotations.NullMarked;
