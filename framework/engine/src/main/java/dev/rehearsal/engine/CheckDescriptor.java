package dev.rehearsal.engine;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.ThresholdKind;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * One test of a category: its rate in one segment, its overall rate, or its comparison with
 * production. A breached threshold fails it with every number needed to re-check the verdict.
 */
final class CheckDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  /** What the test checks. */
  enum Scope { SEGMENT, OVERALL, COMPARISON }

  private final GateSpec gate;
  private final CategorySpec category;
  private final Scope scope;
  private final String segment;

  CheckDescriptor(UniqueId category, GateSpec gate, CategorySpec spec, Scope scope, String segment, Mark mark) {
    super(category.append(scope == Scope.COMPARISON ? "comparison" : "segment", scope == Scope.COMPARISON ? "production" : segment),
        gate.id() + " › " + spec.id() + " › " + (scope == Scope.COMPARISON ? "vs production" : segment), Sources.of(mark));
    this.gate = gate;
    this.category = spec;
    this.scope = scope;
    this.segment = segment;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(gate.tags(), category.tags());
  }

  @Override
  public GateContext execute(GateContext context, DynamicTestExecutor executor) {
    GateRun run = context.requireRun();
    CategoryResult result = run.categories().get(category.id());
    List<CheckResult> breaches = checks(result).stream().filter(CheckResult::breached).toList();
    if (!breaches.isEmpty()) {
      throw new AssertionFailedError(Messages.breaches(run, result, breaches));
    }
    return context;
  }

  List<CheckResult> checks(CategoryResult result) {
    return result.checks().stream().filter(c -> switch (scope) {
      case COMPARISON -> c.threshold().kind() == ThresholdKind.MAX_RATIO_TO_PRODUCTION;
      default -> c.threshold().kind() == ThresholdKind.MAX_RATE && c.segment().equals(segment);
    }).toList();
  }
}
