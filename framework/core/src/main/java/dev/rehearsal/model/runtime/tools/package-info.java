/** What happens when a model's reply calls a tool in a prefix: single-turn, replay or simulate. */
@NullMarked
package dev.rehearsal.model.runtime.tools;

import org.jspecify.annotations.NullMarked;
