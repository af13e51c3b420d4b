package dev.rehearsal.run;

import static dev.rehearsal.gate.RateEstimate.percent;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.Outcome;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.ArmSpec;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.SequentialSpec;
import dev.rehearsal.spec.SequentialSpec.AtCap;
import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import dev.rehearsal.stats.SequentialGate;
import dev.rehearsal.stats.SequentialGate.Decision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Sequential sampling ({@code prefixes.sample.sequential}): both arms answer the drawn sample batch
 * by batch in a seeded random order, each batch is graded, and after each one a {@link
 * SequentialGate} per {@code max-rate} check (threshold × category × segment, {@code overall}
 * included) observes the candidate's new counts. The run stops once every such check is decided
 * (PASS or BREACH with at least {@code min-samples} graded answers) or its segment is exhausted, or
 * when the whole sample (the cap) is answered.
 *
 * <p>The sample is uniform and the order a uniform random permutation of it, so the prefixes
 * answered by any batch are a uniform random subsample of the eligible user turns: the fixed-sample
 * checks, estimates and reports of {@link GateRunner} apply unchanged to them. Each gated check's
 * outcome is then the stricter of the fixed-sample check on the answered prefixes and the
 * sequence's decision (with the {@code at-cap} rule for checks it left undecided). A PASS of the
 * sequence implies the Clopper–Pearson check passes at the same size and a BREACH that it breaches
 * (the sequence is wider at every size), so the two only differ when a check decided early is looked
 * at again later, or under {@code at-cap: block}.
 */
final class SequentialRun {

  /** How a sequential run's note starts in {@link GateRun#warnings()}. */
  static final String NOTE = "sequential sampling: ";

  private final GateSpec spec;
  private final SequentialSpec sequential;
  private final Sample drawn;
  private final Map<Key, Gate> gates;
  private final List<Prefix> answered = new ArrayList<>();
  private final Map<String, Response> production = new LinkedHashMap<>();
  private final Map<String, Response> candidate = new LinkedHashMap<>();
  private GraderSetup.ArmGrading productionGrading;
  private GraderSetup.ArmGrading candidateGrading;
  private Optional<ArmCache> productionCache = Optional.empty();
  private Optional<ArmCache> candidateCache = Optional.empty();
  private ArmUsage productionUsage = ArmUsage.NONE;
  private ArmUsage candidateUsage = ArmUsage.NONE;
  private int batches;
  private boolean decided;

  private SequentialRun(GateSpec spec, SequentialSpec sequential, Sample drawn, Map<Key, Gate> gates) {
    this.spec = spec;
    this.sequential = sequential;
    this.drawn = drawn;
    this.gates = gates;
    this.productionGrading = empty(spec.production());
    this.candidateGrading = empty(spec.candidate());
  }

  /** A check the sequence decides: one max-rate threshold on one category and segment. */
  record Key(ThresholdSpec threshold, String category, String segment) {}

  /** A check's sequential state and the answered prefixes of its segment at its decision. */
  static final class Gate {
    final SequentialGate gate;
    final int minSamples;
    final double confidence;
    Decision decision = Decision.CONTINUE;
    int decidedAt = -1;

    Gate(SequentialGate gate, int minSamples, double confidence) {
      this.gate = gate;
      this.minSamples = minSamples;
      this.confidence = confidence;
    }

    boolean settled() {
      Decision d = decision;
      return d == Decision.CAP_REACHED || (d == Decision.PASS || d == Decision.BREACH) && gate.trials() >= minSamples;
    }
  }

  /**
   * Answers and grades {@code drawn} batch by batch until every max-rate check is settled or the
   * sample is exhausted; the session's graders grade every batch.
   */
  static SequentialRun run(GateSpec spec, SequentialSpec sequential, Sample drawn, List<String> segments, Arms arms,
      GraderSetup.Session session) {
    SequentialRun run = new SequentialRun(spec, sequential, drawn, gates(spec, drawn, segments));
    List<Prefix> order = order(drawn.prefixes(), spec.prefixes().sample().seed());
    for (int from = 0; from < order.size() && !run.decided; from += sequential.batch()) {
      run.batch(order.subList(from, Math.min(order.size(), from + sequential.batch())), arms, session);
    }
    return run;
  }

  /**
   * The drawn prefixes in a uniform random order fixed by the sample seed: the first m of them are a
   * uniform random subsample of size m of the drawn sample, hence of the eligible user turns.
   */
  static List<Prefix> order(List<Prefix> prefixes, long seed) {
    List<Prefix> out = new ArrayList<>(prefixes);
    // A stream of its own: the sampler uses the seed too, and the order must not echo its draws.
    Collections.shuffle(out, new Random(seed ^ 0x5EC0_E17A_1L));
    return out;
  }

  private static Map<Key, Gate> gates(GateSpec spec, Sample drawn, List<String> segments) {
    Map<String, Integer> caps = new HashMap<>();
    drawn.prefixes().forEach(p -> caps.merge(p.segment(), 1, Integer::sum));
    caps.put(GateRun.OVERALL, drawn.prefixes().size());
    List<String> all = new ArrayList<>(segments);
    all.add(GateRun.OVERALL);
    Map<Key, Gate> out = new LinkedHashMap<>();
    for (CategorySpec c : spec.categories()) {
      for (ThresholdSpec t : spec.thresholds()) {
        if (t.kind() != ThresholdKind.MAX_RATE || !t.appliesTo(c) || !(t.limit() > 0 && t.limit() < 1)) {
          continue;
        }
        for (String s : all) {
          int cap = caps.getOrDefault(s, 0);
          if (t.appliesToSegment(s) && cap > 0) {
            out.put(new Key(t, c.id(), s),
                new Gate(SequentialGate.of(t.limit(), t.confidence(), cap), t.evidence().minSamples(), t.confidence()));
          }
        }
      }
    }
    return out;
  }

  private void batch(List<Prefix> batch, Arms arms, GraderSetup.Session session) {
    ArmResult prod = arms.answer(spec, spec.production(), batch);
    ArmResult cand = arms.answer(spec, spec.candidate(), batch);
    GraderSetup.ArmGrading prodGrading = session.grade(batch, prod);
    GraderSetup.ArmGrading candGrading = session.grade(batch, cand);
    answered.addAll(batch);
    production.putAll(prod.responses());
    candidate.putAll(cand.responses());
    productionCache = plus(productionCache, prod.cache());
    candidateCache = plus(candidateCache, cand.cache());
    productionUsage = productionUsage.plus(prod.usage());
    candidateUsage = candidateUsage.plus(cand.usage());
    productionGrading = productionGrading.plus(prodGrading);
    candidateGrading = candidateGrading.plus(candGrading);
    batches++;
    Map<String, CategorySpec> categories = new HashMap<>();
    spec.categories().forEach(c -> categories.put(c.id(), c));
    gates.forEach((key, g) -> {
      CategorySpec c = categories.get(key.category());
      Map<String, Verdict> verdicts = candGrading.verdicts().getOrDefault(c.grader(), Map.of());
      int events = 0;
      int trials = 0;
      for (Prefix p : batch) {
        Verdict v = verdicts.get(p.sampleId());
        if (v != null && (key.segment().equals(GateRun.OVERALL) || p.segment().equals(key.segment()))) {
          trials++;
          events += v.has(c.label()) ? 1 : 0;
        }
      }
      Decision now = g.gate.observe(events, trials);
      if (g.decision == Decision.CONTINUE && now != Decision.CONTINUE) {
        g.decidedAt = batches;
      }
      g.decision = now;
    });
    decided = !gates.isEmpty() && gates.values().stream().allMatch(Gate::settled);
  }

  private static GraderSetup.ArmGrading empty(ArmSpec arm) {
    return new GraderSetup.ArmGrading(Map.of(), new GraderErrors(arm.name(), 0, Map.of()));
  }

  /** The answered prefixes as a sample, in log order: a uniform random subsample of the drawn one. */
  Sample answeredSample() {
    Map<String, Integer> position = new HashMap<>();
    List<Prefix> all = drawn.prefixes();
    for (int i = 0; i < all.size(); i++) {
      position.put(all.get(i).sampleId(), i);
    }
    List<Prefix> inLogOrder = new ArrayList<>(answered);
    inLogOrder.sort(java.util.Comparator.comparingInt(p -> position.get(p.sampleId())));
    return drawn.with(inLogOrder, drawn.deid());
  }

  /** How many prefixes the sampler drew (the cap). */
  int drawnSize() {
    return drawn.prefixes().size();
  }

  /** How many prefixes both arms answered. */
  int answeredSize() {
    return answered.size();
  }

  /** Batches answered. */
  int batches() {
    return batches;
  }

  /** Whether the run stopped before the cap because every max-rate check was settled. */
  boolean stoppedEarly() {
    return decided && answered.size() < drawnSize();
  }

  ArmResult production() {
    return arm(spec.production(), production, productionCache, productionUsage);
  }

  ArmResult candidate() {
    return arm(spec.candidate(), candidate, candidateCache, candidateUsage);
  }

  private static Optional<ArmCache> plus(Optional<ArmCache> sum, Optional<ArmCache> batch) {
    return batch.map(b -> sum.map(b::plus).orElse(b)).or(() -> sum);
  }

  private static ArmResult arm(ArmSpec spec, Map<String, Response> responses, Optional<ArmCache> cache,
      ArmUsage usage) {
    Map<String, Long> errors = new java.util.TreeMap<>();
    responses.values().forEach(r -> r.error().ifPresent(e -> errors.merge(e, 1L, Long::sum)));
    return new ArmResult(spec.name(), spec.describe(), responses, errors, Optional.empty(), cache, usage);
  }

  GraderSetup.Graded graded(GraderSetup.Session session) {
    return session.graded(spec, answeredSample().prefixes(), production(), candidate(), productionGrading,
        candidateGrading);
  }

  /** The sequence's decision for a check; CAP_REACHED for one still undecided when sampling ended. */
  java.util.Optional<Decision> decision(Key key) {
    Gate g = gates.get(key);
    if (g == null) {
      return java.util.Optional.empty();
    }
    Decision d = g.decision;
    return java.util.Optional.of(d == Decision.CONTINUE ? Decision.CAP_REACHED : d);
  }

  /** Model calls the arms made (one per answered prefix and model arm) and saved against the cap. */
  long modelCalls() {
    return modelArms() * (long) answered.size();
  }

  long modelCallsSaved() {
    return modelArms() * (long) (drawnSize() - answered.size());
  }

  private long modelArms() {
    return java.util.stream.Stream.of(spec.production(), spec.candidate()).filter(a -> a.model().isPresent()).count();
  }

  /**
   * A gated check's final outcome: the stricter of the fixed-sample check and the sequence (a
   * BREACH of either breaches; an undecided check at the cap breaches under {@code at-cap: block}).
   * Inconclusive checks (too few graded answers) stay inconclusive. Ungated checks are unchanged.
   */
  CheckResult adjust(CheckResult check) {
    Key key = new Key(check.threshold(), check.category(), check.segment());
    Gate g = gates.get(key);
    if (g == null || check.inconclusive()) {
      return check;
    }
    Decision d = decision(key).orElseThrow();
    boolean breach = check.breached() || d == Decision.BREACH || d == Decision.CAP_REACHED && sequential.atCap() == AtCap.BLOCK;
    String note = "; " + describe(g, d) + (breach && !check.breached() ? "; BREACH by the sequential rule" : "");
    return new CheckResult(check.threshold(), check.category(), check.segment(), breach ? Outcome.BREACH : Outcome.PASS,
        check.value(), check.method(), check.observed() + note, check.expected());
  }

  private String describe(Gate g, Decision d) {
    String bounds = String.format(Locale.ROOT, "%s anytime-valid bounds [%s, %s], %d/%d graded", confidence(g),
        percent(g.gate.lower()), percent(g.gate.upper()), g.gate.events(), g.gate.trials());
    return switch (d) {
      case PASS, BREACH -> "sequential " + d + " after batch " + g.decidedAt + " (" + bounds + ")";
      default -> "sequential undecided at the cap (" + bounds + "), at-cap " + sequential.atCap().wireName();
    };
  }

  private static String confidence(Gate g) {
    return String.format(Locale.ROOT, "%s%% beta-binomial confidence sequence,", trim(100 * g.confidence));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** The note for the run's warnings and health summary. */
  String note() {
    StringBuilder out = new StringBuilder(NOTE).append(String.format(Locale.ROOT,
        "answered %,d of %,d drawn prefixes in %d batch(es) of %,d in seeded random order; stopped: %s;"
            + " model calls %,d, saved %,d",
        answered.size(), drawnSize(), batches, sequential.batch(),
        gates.isEmpty() ? "no max-rate check to decide, whole sample answered"
            : stoppedEarly() ? "every max-rate check decided by the confidence sequence"
            : "sample cap reached, undecided checks follow at-cap " + sequential.atCap().wireName(),
        modelCalls(), modelCallsSaved()));
    gates.forEach((key, g) -> out.append(String.format(Locale.ROOT, "; %s / %s %s: %s", key.category(), key.segment(),
        key.threshold().describeLimit(), describe(g, decision(key).orElseThrow()))));
    return out.toString();
  }
}
