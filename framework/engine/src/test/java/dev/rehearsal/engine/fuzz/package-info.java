/** Seeded fuzzing of gate files through the loader and the offline run (issue 12). */
@NullMarked
package dev.rehearsal.engine.fuzz;

import org.jspecify.annotations.NullMarked;
