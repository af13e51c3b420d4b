/** Model client for openai endpoints, found through ServiceLoader. */
@NullMarked
package dev.rehearsal.openai;

import org.jspecify.annotations.NullMarked;
