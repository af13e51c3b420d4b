package dev.rehearsal.spec;

import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code grading: { estimate: raw | corrected, require-calibration: false, min-labels: 30 }}. */
final class GradingReader {

  static final Set<String> KEYS = Set.of("estimate", "require-calibration", "min-labels");
  static final Set<String> ESTIMATES = Set.of("raw", "corrected");

  private GradingReader() {}

  /** The settings under {@code node}; keys it leaves out keep {@code parent}'s values. */
  static GradingSpec read(Optional<Node> node, GradingSpec parent) {
    if (node.isEmpty()) {
      return parent;
    }
    Fields f = Fields.of(node.get(), KEYS);
    Optional<GradingSpec.Estimate> estimate = f.optional("estimate")
        .map(n -> GradingSpec.Estimate.valueOf(Fields.choice(n, ESTIMATES).toUpperCase(Locale.ROOT)))
        .or(parent::estimate);
    return new GradingSpec(estimate, f.optionalBoolean("require-calibration").orElse(parent.requireCalibration()),
        f.optionalInteger("min-labels", 2).orElse(parent.minLabels()));
  }
}
