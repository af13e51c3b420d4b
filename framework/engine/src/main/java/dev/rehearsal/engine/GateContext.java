package dev.rehearsal.engine;

import dev.rehearsal.run.GateRun;
import java.util.Optional;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What a node sees while it runs: settings, listeners, and the gate run once the gate container made it. */
record GateContext(EngineSettings settings, Listeners listeners, Optional<GateRun> run,
    Optional<dev.rehearsal.run.BatchPending> pending) implements EngineExecutionContext {

  GateContext(EngineSettings settings, Listeners listeners, Optional<GateRun> run) {
    this(settings, listeners, run, Optional.empty());
  }

  GateContext with(GateRun gateRun) {
    return new GateContext(settings, listeners, Optional.of(gateRun), Optional.empty());
  }

  /** The gate submitted to a batch endpoint and has no decision yet. */
  GateContext with(dev.rehearsal.run.BatchPending batch) {
    return new GateContext(settings, listeners, Optional.empty(), Optional.of(batch));
  }

  /**
   * The run; a pending gate aborts the tests that read it (nothing was measured), and its decision
   * test fails on its own ({@link DecisionDescriptor}).
   */
  GateRun requireRun() {
    pending.ifPresent(p -> {
      throw new org.opentest4j.TestAbortedException(dev.rehearsal.spec.Secrets.mask(p.headline() + "; not checked"));
    });
    return run.orElseThrow(() -> new IllegalStateException("The gate did not run; see the gate container's error."));
  }
}
