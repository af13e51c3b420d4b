/** Model client for anthropic endpoints, found through ServiceLoader. */
@NullMarked
package dev.rehearsal.anthropic;

import org.jspecify.annotations.NullMarked;
