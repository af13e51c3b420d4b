package dev.rehearsal.spec;

import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code thresholds:} section. */
final class ThresholdsReader {

  private ThresholdsReader() {}

  static List<ThresholdSpec> read(Optional<Node> section, List<CategorySpec> categories, List<SegmentSpec> segments) {
    List<ThresholdSpec> out = new ArrayList<>();
    Set<String> keys = Set.of("categories", "segments", "max-rate", "max-ratio-to-production", "confidence", "on-breach");
    for (Node n : section.map(x -> Fields.asList(x).items()).orElse(List.of())) {
      Fields f = Fields.of(n, keys);
      ScalarNode glob = Fields.asScalar(f.require("categories"));
      List<String> segs = f.strings("segments");
      for (String s : segs) {
        if (!s.equals("overall") && segments.stream().noneMatch(x -> x.id().equals(s))) {
          throw f.require("segments").error("No segment '" + s + "'; declared: overall and "
              + segments.stream().map(SegmentSpec::id).toList() + ".");
        }
      }
      boolean rate = f.optional("max-rate").isPresent();
      if (rate == f.optional("max-ratio-to-production").isPresent()) {
        throw f.node().error("A threshold needs exactly one of 'max-rate' or 'max-ratio-to-production'.");
      }
      ThresholdKind kind = rate ? ThresholdKind.MAX_RATE : ThresholdKind.MAX_RATIO_TO_PRODUCTION;
      Node limitNode = f.require(kind.key());
      double limit = Fields.number(limitNode);
      if (limit < 0 || (rate && limit > 1)) {
        throw limitNode.error("'" + kind.key() + "' must be " + (rate ? "a rate between 0 and 1 (or 0% and 100%)" : "a ratio >= 0") + ".");
      }
      double confidence = f.optional("confidence").map(Fields::number).orElse(0.95);
      if (!(confidence > 0.5 && confidence < 1)) {
        throw f.require("confidence").error("'confidence' must be between 0.5 and 1 (exclusive), e.g. 0.95.");
      }
      Action action = Action.valueOf(Fields.choice(f.require("on-breach"),
          Set.of("ship", "repair", "narrow-rollout", "hold", "rollback")).toUpperCase(Locale.ROOT).replace('-', '_'));
      ThresholdSpec t = new ThresholdSpec(glob.text(), segs, kind, limit, confidence, action, f.mark());
      if (categories.stream().noneMatch(c -> t.appliesTo(c.id()))) {
        throw glob.error("'" + glob.text() + "' matches no category; declared: "
            + categories.stream().map(CategorySpec::id).toList() + ".");
      }
      out.add(t);
    }
    return out;
  }

}
