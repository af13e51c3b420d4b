/**
 * Internal: the position-keeping YAML tree and strict field access behind the spec loader.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.spec.internal;

import org.jspecify.annotations.NullMarked;
