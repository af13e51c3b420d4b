/**
 * The Jupiter API: {@link dev.rehearsal.jupiter.ReleaseGate @ReleaseGate} runs a gate once per test
 * class and injects its {@link dev.rehearsal.run.GateRun}; {@link dev.rehearsal.jupiter.GateAssertions}
 * asserts on its rates with the engine's observed/expected messages; {@link dev.rehearsal.jupiter.GateSamples}
 * gives one parameterized invocation per sampled item; {@link dev.rehearsal.jupiter.GateSpecBuilder}
 * builds a gate in Java, validated by the YAML loader. See docs/jupiter.md.
 */
@NullMarked
package dev.rehearsal.jupiter;

import org.jspecify.annotations.NullMarked;
