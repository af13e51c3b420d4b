/**
 * The grader SPI: a team's own Java grader, declared in a gate as {@code type: java} and named by
 * class or found through {@link java.util.ServiceLoader}. See docs/extend-graders.md.
 */
@NullMarked
package dev.rehearsal.grade.spi;

import org.jspecify.annotations.NullMarked;
