/**
 * The JUnit Platform engine that runs gate and scorecard files as release gates.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.engine;

import org.jspecify.annotations.NullMarked;
