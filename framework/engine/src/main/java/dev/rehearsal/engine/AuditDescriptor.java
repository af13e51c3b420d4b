package dev.rehearsal.engine;

import dev.rehearsal.grade.audit.AuditReport;
import dev.rehearsal.grade.audit.CandidateCategory;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.AuditSpec;
import dev.rehearsal.spec.GateSpec;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * The automated audit of a gate: reports candidate new categories, and fails only when the spec
 * bounds the unreviewed ones ({@code audit.max-unreviewed}) and more are found.
 */
final class AuditDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  private final GateSpec spec;
  private final AuditSpec audit;

  AuditDescriptor(UniqueId gate, GateSpec spec, AuditSpec audit) {
    super(gate.append("audit", "open-ended"), spec.id() + " › automated audit", Sources.of(audit.mark()));
    this.spec = spec;
    this.audit = audit;
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
    AuditReport report = run.audit().orElseThrow(() -> new IllegalStateException("The gate ran without its audit."));
    if (context.settings().printDecision()) {
      System.out.println(dev.rehearsal.spec.Secrets.mask("AUDIT " + spec.id() + ": " + report.render()));
    }
    int unreviewed = report.unreviewed().size();
    if (audit.maxUnreviewed().isPresent() && unreviewed > audit.maxUnreviewed().get()) {
      throw new AssertionFailedError("Audit of gate " + spec.id() + " found " + unreviewed
          + " unreviewed candidate categories (bound: audit.max-unreviewed = " + audit.maxUnreviewed().get() + "): "
          + report.unreviewed().stream().map(CandidateCategory::key).collect(Collectors.joining(", "))
          + ".\nFor each: track it (a category with its own frozen judge; see GRADERS-NOTES.md), or list it under"
          + " audit.reviewed after review.\n" + report.render());
    }
    return context;
  }
}
