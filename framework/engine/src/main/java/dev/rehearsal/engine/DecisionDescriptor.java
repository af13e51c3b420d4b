package dev.rehearsal.engine;

import dev.rehearsal.engine.spi.GateTestEvent;
import dev.rehearsal.engine.spi.GateTestEvent.TestOutcome;
import dev.rehearsal.run.DecisionTable;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.GateSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * The release decision: writes the reports, prints the decision table, fails unless the decision is
 * ship, with every blocking check, its action and its owner in the message.
 */
final class DecisionDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  private final GateSpec spec;

  DecisionDescriptor(UniqueId gate, GateSpec spec) {
    super(gate.append("decision", "release"), spec.id() + " › release decision", Sources.of(spec.mark()));
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
  public GateContext execute(GateContext context, DynamicTestExecutor executor) throws Exception {
    if (context.pending().isPresent()) {
      // Pending is not a pass: a CI job gating on this test must stop, whatever else ran.
      throw new AssertionFailedError(dev.rehearsal.spec.Secrets.mask(
          dev.rehearsal.run.PendingReport.text(spec, context.pending().get())));
    }
    GateRun run = context.requireRun();
    Path written = RunReports.write(run, context.settings().reportsDir()).toAbsolutePath();
    Action action = run.decision().action();
    String message = message(run, action);
    GateTestEvent event = new GateTestEvent(run, GateTestEvent.Kind.DECISION, Optional.empty(), spec.id(), List.of(),
        action == Action.SHIP ? TestOutcome.PASSED : TestOutcome.FAILED, message, getUniqueId().toString(),
        getDisplayName(), spec.mark());
    context.listeners().each(l -> l.testExecuting(event));
    context.listeners().each(l -> l.gateFinished(run, written));
    if (context.settings().printDecision()) {
      StringBuilder footer = new StringBuilder("Decision files: " + written + "\n");
      context.listeners().each(l -> l.reportLocations().forEach(line -> footer.append(line).append('\n')));
      System.out.println(dev.rehearsal.spec.Secrets.mask(DecisionTable.render(run) + footer));
    }
    if (action != Action.SHIP) {
      throw new AssertionFailedError(dev.rehearsal.spec.Secrets.mask(message));
    }
    return context;
  }

  private String message(GateRun run, Action action) {
    String head = Headlines.decision(run) + "\nRelease decision for gate " + spec.id() + ": " + action.wireName().toUpperCase(Locale.ROOT)
        + " (gate owner " + spec.owner() + ")\n  promise: " + spec.promise();
    return run.decision().reasons().isEmpty() ? head : head + "\n  - " + String.join("\n  - ", run.decision().reasons());
  }
}
