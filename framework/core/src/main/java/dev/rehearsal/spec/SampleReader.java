package dev.rehearsal.spec;

import dev.rehearsal.spec.SampleSpec.Allocation;
import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code prefixes.sample}: size, seed, {@code dedup}, {@code stratify} and {@code sequential}. */
final class SampleReader {

  static final Set<String> KEYS = Set.of("size", "seed", "unit", "dedup", "stratify", "threads", "sequential", "key");
  static final Set<String> STRATIFY_KEYS = Set.of("allocation", "min-per-segment", "prior-rates", "prior-sds");
  static final Set<String> SEQUENTIAL_KEYS = Set.of("batch", "at-cap");

  private SampleReader() {}

  static SampleSpec read(Node node, List<SegmentSpec> segments, boolean sqlSource) {
    Fields f = Fields.of(node, KEYS);
    SampleSpec spec = read(f, segments);
    SampleSpec.Key key = f.optional("key")
        .map(n -> SampleSpec.Key.valueOf(Fields.choice(n, Set.of("position", "md5")).toUpperCase(Locale.ROOT)))
        .orElse(sqlSource ? SampleSpec.Key.MD5 : SampleSpec.Key.POSITION);
    if (sqlSource && (key != SampleSpec.Key.MD5 || spec.dedup())) {
      throw f.require(spec.dedup() ? "dedup" : "key").error("The sql source draws with 'key: md5' and without 'dedup'"
          + " (a content hash of whole prefixes is not portable across engines); remove '"
          + (spec.dedup() ? "dedup" : "key") + "'.");
    }
    if (key == SampleSpec.Key.MD5 && spec.dedup()) {
      throw f.require("key").error("'key: md5' keys user turns by conversation id; with 'dedup' the key is the prefix's"
          + " content. Remove one of them.");
    }
    return spec.withKey(key);
  }

  private static SampleSpec read(Fields f, List<SegmentSpec> segments) {
    f.optional("unit").ifPresent(u -> Fields.choice(u, Set.of("user-turn")));
    int size = f.integer("size", 1);
    long seed = f.longValue("seed");
    boolean dedup = f.optionalBoolean("dedup").orElse(false);
    int threads = f.optionalInteger("threads", 1).orElse(1);
    Optional<SequentialSpec> sequential = f.optional("sequential").map(SampleReader::sequential);
    if (f.optional("stratify").isEmpty()) {
      return new SampleSpec(size, seed, Allocation.NONE, 0, Map.of(), dedup, threads, f.mark(), sequential);
    }
    if (sequential.isPresent()) {
      // A stratified overall rate is post-stratified (Fay–Feuer), not the Bernoulli rate the
      // confidence sequence tracks; segment rates would be, but the overall check would not be.
      throw f.require("sequential").error("Sequential sampling needs a uniform sample: the overall rate of a stratified"
          + " sample is post-stratified, which the confidence sequence does not track; remove 'stratify' or 'sequential'.");
    }
    Fields s = Fields.of(f.require("stratify"), STRATIFY_KEYS);
    if (segments.isEmpty()) {
      throw s.node().error("Stratified sampling needs segments; declare 'segments:' or remove 'stratify'.");
    }
    Allocation allocation = Allocation.valueOf(Fields.choice(s.require("allocation"),
        Set.of("proportional", "equal", "neyman")).toUpperCase(Locale.ROOT));
    int min = s.optionalInteger("min-per-segment", 0).orElse(0);
    Map<String, Double> sd = allocation == Allocation.NEYMAN ? priors(s, segments) : Map.of();
    if (allocation != Allocation.NEYMAN && (s.optional("prior-rates").isPresent() || s.optional("prior-sds").isPresent())) {
      throw s.node().error("Priors apply to Neyman allocation only; remove them or use 'allocation: neyman'.");
    }
    return new SampleSpec(size, seed, allocation, min, sd, dedup, threads, f.mark());
  }

  /** {@code sequential: { batch: 500, at-cap: block | fixed-sample }}. */
  private static SequentialSpec sequential(Node node) {
    Fields s = Fields.of(node, SEQUENTIAL_KEYS);
    int batch = s.integer("batch", 1);
    SequentialSpec.AtCap atCap = s.optional("at-cap")
        .map(n -> Fields.choice(n, Set.of("block", "fixed-sample")).equals("block")
            ? SequentialSpec.AtCap.BLOCK : SequentialSpec.AtCap.FIXED_SAMPLE)
        .orElse(SequentialSpec.AtCap.BLOCK);
    return new SequentialSpec(batch, atCap, s.mark());
  }

  private static Map<String, Double> priors(Fields s, List<SegmentSpec> segments) {
    boolean rates = s.optional("prior-rates").isPresent();
    if (rates == s.optional("prior-sds").isPresent()) {
      throw s.node().error("Neyman allocation needs exactly one of 'prior-rates' (a guessed rate per segment, like"
          + " 2%) or 'prior-sds' (a guessed standard deviation per segment).");
    }
    Node priors = s.require(rates ? "prior-rates" : "prior-sds");
    Set<String> known = new TreeSet<>();
    segments.forEach(seg -> known.add(seg.id()));
    known.add("other");
    known.add("default");
    Map<String, Double> out = new LinkedHashMap<>();
    Fields p = Fields.of(priors, known);
    p.node().entries().forEach((id, n) -> {
      double v = PrefixesReader.share(n);
      if (v <= 0 || (rates && v >= 1)) {
        throw n.error("A prior " + (rates ? "rate must be strictly between 0 and 1" : "SD must be positive")
            + " (a zero prior would give the segment no sample); found " + v + ".");
      }
      // Bernoulli outcome: S_h = sqrt(p_h (1 - p_h)).
      out.put(id, rates ? Math.sqrt(v * (1 - v)) : v);
    });
    List<String> missing = segments.stream().map(SegmentSpec::id).filter(id -> !out.containsKey(id)).toList();
    if (!missing.isEmpty() && !out.containsKey("default")) {
      throw priors.error("No prior for segment(s) " + missing + "; add them or a 'default' entry.");
    }
    return out;
  }
}
