/**
 * Gate specs: the YAML model, strict loading with file positions, and validation.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.spec;

import org.jspecify.annotations.NullMarked;
