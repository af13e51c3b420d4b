package dev.rehearsal.engine;

import dev.rehearsal.engine.spi.GateTestEvent;
import dev.rehearsal.engine.spi.GateTestEvent.TestOutcome;
import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.Mark;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One test of a category: its rate in one segment, its overall rate, or its comparison with
 * production. A blocking check (breach, or inconclusive with {@code on-inconclusive: fail}) fails it
 * with every number needed to re-check the verdict; an inconclusive check with {@code abort} aborts it.
 */
final class CheckDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  /** What the test checks. */
  enum Scope { SEGMENT, OVERALL, COMPARISON }

  private final GateSpec gate;
  private final CategorySpec category;
  private final Scope scope;
  private final String segment;
  private final Mark mark;

  CheckDescriptor(UniqueId category, GateSpec gate, CategorySpec spec, Scope scope, String segment, Mark mark) {
    super(category.append(scope == Scope.COMPARISON ? "comparison" : "segment", scope == Scope.COMPARISON ? "production" : segment),
        gate.id() + " › " + spec.id() + " › " + (scope == Scope.COMPARISON ? "vs production" : segment), Sources.of(mark));
    this.gate = gate;
    this.category = spec;
    this.scope = scope;
    this.segment = segment;
    this.mark = mark;
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
    List<CheckResult> checks = checks(result);
    List<CheckResult> blocking = checks.stream().filter(CheckResult::blocks).toList();
    List<CheckResult> aborting = checks.stream().filter(CheckResult::aborts).toList();
    TestOutcome outcome = !blocking.isEmpty() ? TestOutcome.FAILED : !aborting.isEmpty() ? TestOutcome.ABORTED : TestOutcome.PASSED;
    String message = switch (outcome) {
      case FAILED -> Messages.breaches(run, result, blocking);
      case ABORTED -> Messages.inconclusive(run, result, aborting);
      case PASSED -> Messages.passedInconclusive(run, checks);
    };
    GateTestEvent event = new GateTestEvent(run, kind(), Optional.of(result), segment, checks, outcome, message,
        getUniqueId().toString(), getDisplayName(), mark);
    context.listeners().each(l -> l.testExecuting(event));
    if (outcome == TestOutcome.FAILED) {
      throw new AssertionFailedError(dev.rehearsal.spec.Secrets.mask(message));
    }
    if (outcome == TestOutcome.ABORTED) {
      throw new TestAbortedException(dev.rehearsal.spec.Secrets.mask(message));
    }
    return context;
  }

  private GateTestEvent.Kind kind() {
    return switch (scope) {
      case SEGMENT -> GateTestEvent.Kind.SEGMENT;
      case OVERALL -> GateTestEvent.Kind.OVERALL;
      case COMPARISON -> GateTestEvent.Kind.COMPARISON;
    };
  }

  /** Comparison tests read every comparative check; segment and overall tests the absolute checks of their segment. */
  List<CheckResult> checks(CategoryResult result) {
    return result.checks().stream().filter(c -> scope == Scope.COMPARISON
        ? c.threshold().kind().comparative()
        : !c.threshold().kind().comparative() && c.segment().equals(segment)).toList();
  }
}
