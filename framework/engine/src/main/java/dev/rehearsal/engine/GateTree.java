package dev.rehearsal.engine;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.SegmentSpec;
import dev.rehearsal.spec.ThresholdSpec;
import org.junit.platform.engine.UniqueId;

/**
 * Builds a gate's test tree: simulation health, then per category one test per segment, one for
 * the overall rate and one against production, then the release decision.
 */
final class GateTree {

  private GateTree() {}

  static GateDescriptor build(UniqueId parent, GateSpec spec) {
    GateDescriptor gate = new GateDescriptor(parent, spec);
    gate.addChild(new HealthDescriptor(gate.getUniqueId(), spec));
    for (CategorySpec c : spec.categories()) {
      CategoryDescriptor category = new CategoryDescriptor(gate.getUniqueId(), spec, c);
      for (SegmentSpec s : spec.prefixes().segments()) {
        category.addChild(new CheckDescriptor(category.getUniqueId(), spec, c, CheckDescriptor.Scope.SEGMENT, s.id(), s.mark()));
      }
      category.addChild(new CheckDescriptor(category.getUniqueId(), spec, c, CheckDescriptor.Scope.OVERALL,
          GateRun.OVERALL, c.mark()));
      category.addChild(new CheckDescriptor(category.getUniqueId(), spec, c, CheckDescriptor.Scope.COMPARISON,
          GateRun.OVERALL, comparisonMark(spec, c)));
      gate.addChild(category);
    }
    spec.audit().ifPresent(a -> gate.addChild(new AuditDescriptor(gate.getUniqueId(), spec, a)));
    gate.addChild(new DecisionDescriptor(gate.getUniqueId(), spec));
    return gate;
  }

  private static Mark comparisonMark(GateSpec spec, CategorySpec c) {
    return spec.thresholds().stream()
        .filter(t -> t.kind().comparative() && t.appliesTo(c))
        .map(ThresholdSpec::mark).findFirst().orElse(c.mark());
  }
}
