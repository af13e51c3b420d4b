package dev.rehearsal.engine;

import dev.rehearsal.run.GateRun;
import java.util.Optional;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What a node sees while it runs: settings, listeners, and the gate run once the gate container made it. */
record GateContext(EngineSettings settings, Listeners listeners, Optional<GateRun> run) implements EngineExecutionContext {

  GateContext with(GateRun gateRun) {
    return new GateContext(settings, listeners, Optional.of(gateRun));
  }

  GateRun requireRun() {
    return run.orElseThrow(() -> new IllegalStateException("The gate did not run; see the gate container's error."));
  }
}
