/**
 * Text as the framework writes it: well-formed UTF-8 whatever the model or a spec put into it.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.text;

import org.jspecify.annotations.NullMarked;
