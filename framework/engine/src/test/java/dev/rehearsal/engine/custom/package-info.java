/** Test custom graders for the engine's EngineTestKit tests. */
@NullMarked
package dev.rehearsal.engine.custom;

import org.jspecify.annotations.NullMarked;
