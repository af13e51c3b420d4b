/**
 * Numerical support for {@code dev.rehearsal.stats}: root finding and argument checks. Not API.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.stats.internal;

import org.jspecify.annotations.NullMarked;
