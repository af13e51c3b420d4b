package dev.rehearsal.engine;

import dev.rehearsal.engine.spi.GateTestEvent;
import dev.rehearsal.engine.spi.GateTestEvent.TestOutcome;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.GateSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/** Whether the simulation can be trusted: sample size reached, errors within their bound. */
final class HealthDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  private final GateSpec spec;

  HealthDescriptor(UniqueId gate, GateSpec spec) {
    super(gate.append("health", "simulation"), spec.id() + " › simulation health", Sources.of(spec.prefixes().sample().mark()));
    this.spec = spec;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(spec.tags());
  }

  @Override
  public GateContext execute(GateContext context, DynamicTestExecutor executor) {
    GateRun run = context.requireRun();
    boolean healthy = run.health().healthy();
    String message = healthy ? run.health().summary() : Headlines.unhealthy(run) + "\n" + Messages.header(run) + "Simulation is unhealthy, so the gate fails closed:\n  - "
        + String.join("\n  - ", run.health().problems()) + "\n" + run.health().summary();
    GateTestEvent event = new GateTestEvent(run, GateTestEvent.Kind.HEALTH, Optional.empty(), spec.id(), List.of(),
        healthy ? TestOutcome.PASSED : TestOutcome.FAILED, message, getUniqueId().toString(), getDisplayName(),
        spec.prefixes().sample().mark());
    context.listeners().each(l -> l.testExecuting(event));
    if (!healthy) {
      throw new AssertionFailedError(dev.rehearsal.spec.Secrets.mask(message));
    }
    return context;
  }
}
