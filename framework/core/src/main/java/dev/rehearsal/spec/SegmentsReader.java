package dev.rehearsal.spec;

import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code prefixes.segments}: explicit rules ({@code {id, when}}) and generated families
 * ({@code {by: metadata.x, values: [...]}}, {@code {by: user-turns|prefix-chars, buckets: [...]}},
 * {@code {by: has-tools}}), each a list of ordinary segments with rules, so ids are known when
 * thresholds are read.
 */
final class SegmentsReader {

  static final Set<String> RULE_KEYS = Set.of("id", "when");
  static final Set<String> FAMILY_KEYS = Set.of("by", "values", "buckets");

  private SegmentsReader() {}

  static List<SegmentSpec> read(Optional<Node> node) {
    List<SegmentSpec> out = new ArrayList<>();
    for (Node n : node.map(x -> Fields.asList(x).items()).orElse(List.of())) {
      Fields f = Fields.of(n, Fields.asMap(n).get("by").isPresent() ? FAMILY_KEYS : RULE_KEYS);
      for (SegmentSpec s : f.optional("by").isPresent() ? family(f) : List.of(explicit(f))) {
        if (s.id().equals("overall") || out.stream().anyMatch(o -> o.id().equals(s.id()))) {
          throw n.error("Segment id '" + s.id() + "' is " + (s.id().equals("overall") ? "reserved" : "used twice")
              + "; rename one (segments are matched in order, first match wins).");
        }
        out.add(s);
      }
    }
    return out;
  }

  private static SegmentSpec explicit(Fields f) {
    String id = GateSpecLoader.id(f.require("id"));
    return new SegmentSpec(id, rule(Fields.asScalar(f.require("when")), Fields.asScalar(f.require("when")).text()), f.mark());
  }

  private static SegmentRule rule(ScalarNode at, String text) {
    try {
      return SegmentRule.parse(text);
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }

  private static List<SegmentSpec> family(Fields f) {
    ScalarNode by = Fields.asScalar(f.require("by"));
    String field = by.text();
    List<SegmentSpec> out = new ArrayList<>();
    if (field.startsWith("metadata.")) {
      for (String v : required(f, "values", field)) {
        String q = v.contains("'") ? "\"" + v + "\"" : "'" + v + "'";
        out.add(new SegmentSpec(slug(field.substring(9) + "-" + v), rule(by, field + " == " + q), f.mark()));
      }
    } else if (field.equals("has-tools")) {
      out.add(new SegmentSpec("has-tools", rule(by, "has-tools == true"), f.mark()));
      out.add(new SegmentSpec("no-tools", rule(by, "has-tools == false"), f.mark()));
    } else if (field.equals("user-turns") || field.equals("prefix-chars")) {
      out.addAll(buckets(f, field));
    } else {
      throw by.error("Cannot segment by " + by.shown() + ". Use metadata.<key> (with 'values'), user-turns or"
          + " prefix-chars (with 'buckets'), or has-tools; or write {id, when} rules.");
    }
    return out;
  }

  private static List<SegmentSpec> buckets(Fields f, String field) {
    List<String> raw = required(f, "buckets", field);
    List<Long> bounds = new ArrayList<>();
    for (String b : raw) {
      try {
        bounds.add(Long.parseLong(b));
      } catch (NumberFormatException e) {
        throw f.require("buckets").error("Buckets are increasing whole-number lower bounds, like [1, 2, 5]; found '" + b + "'.");
      }
      if (bounds.size() > 1 && bounds.get(bounds.size() - 1) <= bounds.get(bounds.size() - 2)) {
        throw f.require("buckets").error("Buckets must increase; " + b + " follows " + bounds.get(bounds.size() - 2) + ".");
      }
    }
    List<SegmentSpec> out = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      long lo = bounds.get(i);
      boolean last = i == bounds.size() - 1;
      long hi = last ? Long.MAX_VALUE : bounds.get(i + 1);
      String id = field + "-" + lo + (last ? "-plus" : hi - 1 == lo ? "" : "-" + (hi - 1));
      String when = field + " >= " + lo + (last ? "" : " and " + field + " < " + hi);
      out.add(new SegmentSpec(id, SegmentRule.parse(when), f.mark()));
    }
    return out;
  }

  private static List<String> required(Fields f, String key, String field) {
    List<String> values = f.strings(key);
    if (values.isEmpty()) {
      throw f.node().error("Segmenting by " + field + " needs '" + key + "' (a non-empty list).");
    }
    return values;
  }

  static String slug(String s) {
    String id = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._/-]+", "-").replaceAll("^[^a-z0-9]+", "");
    return id.isEmpty() ? "segment" : id;
  }
}
