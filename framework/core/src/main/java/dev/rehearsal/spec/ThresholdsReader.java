package dev.rehearsal.spec;

import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the {@code thresholds:} section and the gate-wide {@code evidence:} defaults. */
final class ThresholdsReader {

  static final double DEFAULT_CONFIDENCE = 0.95;
  /**
   * α of {@code must-not-increase}, in the two-sided convention: the one-sided Fisher p-value is
   * compared with α/2, so the default 0.1 is a one-sided 5% test (the upper half of the usual
   * two-sided 10% screen for regressions).
   */
  static final double DEFAULT_ALPHA = 0.1;
  static final Set<String> EVIDENCE_KEYS = Set.of("min-samples", "on-inconclusive");
  private static final Set<String> SCOPE = Set.of("categories", "group", "severity", "segments");
  private static final Set<String> OPTIONS = Set.of("confidence", "alpha", "min-samples", "on-inconclusive", "on-breach");

  private ThresholdsReader() {}

  static List<ThresholdSpec> read(Optional<Node> section, Optional<Node> evidenceNode, List<CategorySpec> categories,
      List<SegmentSpec> segments) {
    EvidenceSpec gateWide = evidenceNode.map(n -> evidence(Fields.of(n, EVIDENCE_KEYS), EvidenceSpec.DEFAULT))
        .orElse(EvidenceSpec.DEFAULT);
    List<ThresholdSpec> out = new ArrayList<>();
    for (Node n : section.map(x -> Fields.asList(x).items()).orElse(List.of())) {
      out.add(threshold(Fields.of(n, keys()), gateWide, categories, segments));
    }
    return out;
  }

  static Set<String> keys() {
    Set<String> keys = new java.util.HashSet<>(SCOPE);
    keys.addAll(OPTIONS);
    Arrays.stream(ThresholdKind.values()).map(ThresholdKind::key).forEach(keys::add);
    return keys;
  }

  private static ThresholdSpec threshold(Fields f, EvidenceSpec gateWide, List<CategorySpec> categories,
      List<SegmentSpec> segments) {
    ThresholdKind kind = kind(f);
    String glob = f.optionalString("categories").orElse("*");
    Optional<String> group = f.optionalString("group");
    List<Severity> severities = f.strings("severity").stream().map(s -> severity(f, s)).toList();
    List<String> segs = segments(f, segments);
    double limit = limit(f, kind);
    double confidence = confidence(f, kind);
    Action action = Action.valueOf(Fields.choice(f.require("on-breach"),
        Set.of("ship", "repair", "narrow-rollout", "hold", "rollback")).toUpperCase(Locale.ROOT).replace('-', '_'));
    ThresholdSpec t = new ThresholdSpec(glob, group, severities, segs, kind, limit, confidence, evidence(f, gateWide),
        action, f.mark());
    if (categories.stream().noneMatch(t::appliesTo)) {
      throw f.node().error("This threshold's scope (categories '" + glob + "'" + group.map(g -> ", group '" + g + "'").orElse("")
          + (severities.isEmpty() ? "" : ", severity " + f.strings("severity")) + ") matches no category; declared: "
          + categories.stream().map(c -> c.id() + " (" + c.severity().wireName() + ")").toList() + ".");
    }
    return t;
  }

  private static ThresholdKind kind(Fields f) {
    List<ThresholdKind> present = Arrays.stream(ThresholdKind.values()).filter(k -> f.optional(k.key()).isPresent()).toList();
    if (present.size() != 1) {
      throw f.node().error("A threshold needs exactly one of " + Arrays.stream(ThresholdKind.values())
          .map(k -> "'" + k.key() + "'").collect(Collectors.joining(", ")) + "; found " + present.size() + ".");
    }
    return present.get(0);
  }

  private static Severity severity(Fields f, String s) {
    Set<String> valid = Arrays.stream(Severity.values()).map(Severity::wireName).collect(Collectors.toSet());
    if (!valid.contains(s)) {
      throw f.require("severity").error("Unknown severity '" + s + "'. Valid values: critical, high, medium, low.");
    }
    return Severity.valueOf(s.toUpperCase(Locale.ROOT));
  }

  private static List<String> segments(Fields f, List<SegmentSpec> segments) {
    List<String> segs = f.strings("segments");
    for (String s : segs) {
      if (!s.equals("overall") && segments.stream().noneMatch(x -> x.id().equals(s))) {
        throw f.require("segments").error("No segment '" + s + "'; declared: overall and "
            + segments.stream().map(SegmentSpec::id).toList() + ".");
      }
    }
    return segs;
  }

  private static double limit(Fields f, ThresholdKind kind) {
    Node node = f.require(kind.key());
    return switch (kind) {
      case MAX_RATE, MIN_RATE -> within(node, Fields.number(node), 0, 1, "a rate between 0 and 1 (or 0% and 100%)");
      case MAX_RATIO_TO_PRODUCTION -> within(node, Fields.number(node), 0, Double.MAX_VALUE, "a ratio >= 0");
      case MAX_INCREASE, NON_INFERIORITY -> within(node, points(node), 0, 1,
          "a difference in percentage points between 0pp and 100pp (like 0.5pp, 0.5% or 0.005)");
      case MUST_NOT_INCREASE -> mustNotIncrease(f, node);
    };
  }

  /** A difference in rate units: {@code 0.5pp} and {@code 0.5%} are both 0.005. */
  static double points(Node node) {
    ScalarNode s = Fields.asScalar(node);
    String t = s.text().trim();
    if (t.endsWith("pp")) {
      try {
        return Double.parseDouble(t.substring(0, t.length() - 2).trim()) / 100.0;
      } catch (NumberFormatException e) {
        throw s.error("Expected percentage points (like 0.5pp) but found " + s.shown() + ".");
      }
    }
    return Fields.number(node);
  }

  private static double mustNotIncrease(Fields f, Node node) {
    ScalarNode s = Fields.asScalar(node);
    if (!s.text().equals("true")) {
      throw s.error("'must-not-increase' takes 'true' (set the significance level with 'alpha'); found " + s.shown() + ".");
    }
    double alpha = f.optional("alpha").map(Fields::number).orElse(DEFAULT_ALPHA);
    return within(f.optional("alpha").orElse(node), alpha, Double.MIN_VALUE, 0.5, "an α between 0 and 0.5, e.g. 0.1");
  }

  private static double confidence(Fields f, ThresholdKind kind) {
    if (kind == ThresholdKind.MUST_NOT_INCREASE && f.optional("confidence").isPresent()) {
      throw f.require("confidence").error("'must-not-increase' is a significance test: set 'alpha', not 'confidence'.");
    }
    if (kind != ThresholdKind.MUST_NOT_INCREASE && f.optional("alpha").isPresent()) {
      throw f.require("alpha").error("'alpha' belongs to 'must-not-increase'; '" + kind.key() + "' takes 'confidence'.");
    }
    double confidence = f.optional("confidence").map(Fields::number).orElse(DEFAULT_CONFIDENCE);
    if (!(confidence > 0.5 && confidence < 1)) {
      throw f.require("confidence").error("'confidence' must be between 0.5 and 1 (exclusive), e.g. 0.95.");
    }
    return confidence;
  }

  private static EvidenceSpec evidence(Fields f, EvidenceSpec defaults) {
    int min = f.optionalInteger("min-samples", 1).orElse(defaults.minSamples());
    InconclusivePolicy policy = f.optional("on-inconclusive")
        .map(n -> InconclusivePolicy.valueOf(Fields.choice(n, Set.of("fail", "abort", "pass")).toUpperCase(Locale.ROOT)))
        .orElse(defaults.onInconclusive());
    return new EvidenceSpec(min, policy);
  }

  private static double within(Node node, double value, double min, double max, String rule) {
    if (!(value >= min && value <= max)) {
      throw node.error("Must be " + rule + "; found " + value + ".");
    }
    return value;
  }
}
