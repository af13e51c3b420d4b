package dev.rehearsal.engine;

import dev.rehearsal.run.DecisionTable;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.GateSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/** The release decision: prints the decision table, writes the reports, fails unless the decision is ship. */
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
    GateRun run = context.requireRun();
    Path written = RunReports.write(run, context.settings().reportsDir());
    if (context.settings().printDecision()) {
      System.out.println(DecisionTable.render(run) + "Reports: " + written.toAbsolutePath());
    }
    Action action = run.decision().action();
    if (action != Action.SHIP) {
      throw new AssertionFailedError("Release decision for gate " + spec.id() + ": "
          + action.wireName().toUpperCase(Locale.ROOT) + " (gate owner " + spec.owner() + ")\n  - "
          + String.join("\n  - ", run.decision().reasons()));
    }
    return context;
  }
}
