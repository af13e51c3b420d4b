package dev.rehearsal.spec;

import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads the {@code prefixes:} section: source, eligibility, sample, segments, the de-identification
 * guard and the bad-record policy.
 */
final class PrefixesReader {

  static final Set<String> KEYS = Set.of("source", "eligible", "sample", "segments", "deid", "bad-records");
  static final Set<String> DEID_POLICIES = Set.of("block", "redact", "allow");
  static final Set<String> BAD_RECORD_KEYS = Set.of("policy", "max-share");
  private final SpecContext context;

  PrefixesReader(SpecContext context) {
    this.context = context;
  }

  PrefixSpec read(Node node, Path specFile, List<SegmentSpec> segments) {
    Fields f = Fields.of(node, KEYS);
    SourceSpec source = new SourceReader(context).read(f.require("source"), specFile);
    EligibilitySpec eligible = EligibilityReader.read(
        f.optional("eligible").orElse(GateSpecLoader.emptyMap(f, "eligible")), source.promptSuite());
    segments.addAll(SegmentsReader.read(f.optional("segments")));
    SampleSpec sample = SampleReader.read(f.require("sample"), segments, source.sql().isPresent());
    return new PrefixSpec(source, eligible, sample, segments, deid(f), badRecords(f));
  }

  private static DeidSpec deid(Fields parent) {
    Fields f = Fields.of(parent.optional("deid").orElse(GateSpecLoader.emptyMap(parent, "deid")), Set.of("policy"));
    return f.optional("policy")
        .map(n -> new DeidSpec(DeidSpec.Policy.valueOf(
            Fields.choice(n, DEID_POLICIES).toUpperCase(Locale.ROOT))))
        .orElse(DeidSpec.DEFAULT);
  }

  private static BadDataSpec badRecords(Fields parent) {
    Fields f = Fields.of(parent.optional("bad-records").orElse(GateSpecLoader.emptyMap(parent, "bad-records")),
        BAD_RECORD_KEYS);
    BadDataSpec.Policy policy = f.optional("policy")
        .map(n -> BadDataSpec.Policy.valueOf(Fields.choice(n, Set.of("fail", "skip")).toUpperCase(Locale.ROOT)))
        .orElse(BadDataSpec.Policy.SKIP);
    OptionalDouble share = f.optional("max-share").map(n -> OptionalDouble.of(share(n))).orElse(OptionalDouble.empty());
    return new BadDataSpec(policy, share);
  }

  static double share(Node n) {
    double v = Fields.number(n);
    if (v < 0 || v > 1) {
      throw n.error("A share must be between 0 and 1 (or 0% and 100%) but is " + v + ".");
    }
    return v;
  }
}
