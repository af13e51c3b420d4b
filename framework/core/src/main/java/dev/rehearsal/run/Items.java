package dev.rehearsal.run;

import dev.rehearsal.grade.Verdict;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.GateSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a run's per-item results from the sample, both arms and their gradings. */
final class Items {

  private Items() {}

  /** Every sample × arm, in sample order, production before candidate. */
  static List<ItemResult> of(Sample sample, ArmResult production, ArmResult candidate, GraderSetup.Graded graded) {
    Map<String, Double> weights = weights(sample);
    List<ItemResult> out = new ArrayList<>();
    for (Prefix p : sample.prefixes()) {
      for (ArmResult arm : List.of(production, candidate)) {
        out.add(item(sample, p, weights.getOrDefault(p.segment(), 1.0), arm, graded));
      }
    }
    return out;
  }

  private static ItemResult item(Sample sample, Prefix p, double weight, ArmResult arm, GraderSetup.Graded graded) {
    Response r = arm.responses().get(p.sampleId());
    Optional<String> text = r == null ? Optional.empty() : r.text();
    Optional<String> error = r == null ? Optional.of("no response") : r.error();
    Map<String, ItemResult.Grade> grades = new LinkedHashMap<>();
    Map<String, Map<String, Verdict>> verdicts = graded.verdicts(arm.name());
    Map<String, Map<String, String>> failures = graded.failures(arm.name());
    graded.fingerprints().forEach((id, fp) -> {
      Optional<Verdict> v = Optional.ofNullable(verdicts.getOrDefault(id, Map.of()).get(p.sampleId()));
      Optional<String> failed = Optional.ofNullable(failures.getOrDefault(id, Map.of()).get(p.sampleId()));
      grades.put(id, new ItemResult.Grade(fp, v, failed));
    });
    return new ItemResult(p.sampleId(), source(sample, p), p.segment(), weight, arm.name(), arm.description(), text,
        error, grades);
  }

  static String source(Sample sample, Prefix p) {
    return sample.report().file() + ":" + p.source().line();
  }

  /**
   * Post-stratification weights W_h·n/n_h per segment (mean 1 over the sample); 1 everywhere for a
   * self-weighting (unstratified) sample.
   */
  static Map<String, Double> weights(Sample sample) {
    Map<String, Double> out = new HashMap<>();
    if (sample.allocation().isEmpty()) {
      return out;
    }
    Map<String, Integer> counts = new HashMap<>();
    sample.prefixes().forEach(p -> counts.merge(p.segment(), 1, Integer::sum));
    int n = sample.prefixes().size();
    sample.weights().forEach((s, w) -> {
      Integer nh = counts.get(s);
      if (nh != null && nh > 0) {
        out.put(s, w * n / nh);
      }
    });
    return out;
  }

  /**
   * The run id: deterministic, so identical reruns write byte-identical {@code results.jsonl} and
   * upsert the same store rows: the gate id and the first 16 hex digits of SHA-256 over the spec's
   * hash (which covers the seed) and the grader fingerprints.
   */
  static String runId(GateSpec spec, Map<String, String> fingerprints) {
    StringBuilder in = new StringBuilder(spec.sha256());
    new java.util.TreeMap<>(fingerprints).forEach((id, fp) -> in.append('\n').append(id).append('=').append(fp));
    return spec.id().replace('/', '_') + "-" + sha256(in.toString()).substring(0, 16);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
