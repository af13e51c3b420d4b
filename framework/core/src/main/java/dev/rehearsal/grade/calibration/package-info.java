/** Grader calibration on gold-labelled sets and agreement between graders, with intervals. */
@NullMarked
package dev.rehearsal.grade.calibration;

import org.jspecify.annotations.NullMarked;
