package dev.rehearsal.run;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.PostStratifiedRate;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.gate.ThresholdChecks;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.SegmentSpec;
import dev.rehearsal.spec.ThresholdSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Rehearses one gate: sample prefixes, collect both arms' responses, grade them with the same
 * graders, estimate rates per category and segment, check thresholds, decide.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GateRunner {

  static final int MAX_EXAMPLES = 5;
  private final Arms arms;
  private final GraderSetup graderSetup;
  private final Optional<dev.rehearsal.run.store.StoreLocation> store;
  private final java.io.PrintStream progress;

  public GateRunner() {
    this(RunOptions.defaults());
  }

  /** A runner whose model arms use the given store, freshness and progress output. */
  public GateRunner(RunOptions options) {
    this(new Arms(options), GraderSetup.fromSystemProperties().withStore(options.location(), options.fresh()),
        options.location(), options.progress());
  }

  private GateRunner(Arms arms, GraderSetup graderSetup, Optional<dev.rehearsal.run.store.StoreLocation> store,
      java.io.PrintStream progress) {
    this.arms = arms;
    this.graderSetup = graderSetup;
    this.store = store;
    this.progress = progress;
  }

  /**
   * A runner that rewrites each gate's lock file from the current grader fingerprints (and passes the
   * lock check) instead of comparing; the default follows the system property
   * {@value dev.rehearsal.grade.GateLock#REFREEZE_PROPERTY}.
   */
  public GateRunner refreezing(boolean refreeze) {
    return new GateRunner(arms, graderSetup.withRefreeze(refreeze), store, progress);
  }

  /** A runner whose judge and auditor clients come from {@code clients} (tests, embedding). */
  public GateRunner withGraderClients(java.util.function.Function<dev.rehearsal.model.ModelConfig, dev.rehearsal.model.ModelClient> clients) {
    return new GateRunner(arms, graderSetup.withClients(clients), store, progress);
  }

  /**
   * Runs the gate; throws {@link IOException} when the log cannot be read (an infrastructure error)
   * and {@link BatchPendingException} when a {@code mode: batch} arm still waits for replies.
   */
  public GateRun run(GateSpec spec) throws IOException {
    GateRun run;
    try {
      run = rehearse(spec);
    } finally {
      arms.close();
    }
    // Every item is kept, replay and scripted arms included (the response cache alone would leave
    // the store empty for them).
    store.ifPresent(location -> {
      try (dev.rehearsal.run.store.RunStore s = dev.rehearsal.run.store.RunStore.open(location)) {
        StoredItems.write(s, run);
      }
    });
    return run;
  }

  private GateRun rehearse(GateSpec spec) throws IOException {
    Stages stages = new Stages();
    Sample sample = stages.time("sample", () -> new PrefixSampler(spec.prefixes()).sample());
    arms.sampled(sample, spec.prefixes().deid());
    List<String> segments = segments(spec, sample);
    // Before any model call: say so when the configured sample cannot decide a max-rate threshold.
    List<String> warnings = SamplePlanning.warnings(spec, sample, segments);
    warnings.forEach(w -> System.err.println(dev.rehearsal.spec.Secrets.mask("[rehearsal] " + spec.id() + ": warning: " + w)));
    if (spec.prefixes().sample().sequential().isPresent()) {
      return sequential(spec, sample, segments, warnings, stages);
    }
    if (Arms.batchMode(spec)) {
      stages.time("submit and collect batches", () -> arms.submitBatches(spec, sample.prefixes()));
    }
    ArmResult production = stages.time("generate production", () -> arms.answer(spec, spec.production(), sample.prefixes()));
    ArmResult candidate = stages.time("generate candidate", () -> arms.answer(spec, spec.candidate(), sample.prefixes()));
    if (!arms.pending().isEmpty()) {
      // Both arms have submitted; without every reply there is no decision, and never a pass.
      throw new BatchPendingException(new BatchPending(spec.id(), arms.pending()));
    }
    Optional<BatchJudges> judges = BatchJudges.open(spec, store, progress);
    try {
      GraderSetup setup = judges.map(j -> graderSetup.withClients(j.clients(
          graderSetup.clients().orElse(dev.rehearsal.grade.GraderContext::defaultClient)))).orElse(graderSetup);
      if (judges.isPresent()) {
        stages.time("collect judge batches", () -> {
          judges.get().collect();
          return null;
        });
      }
      try (GraderSetup.Graded graded = gradeWithBatchJudges(spec, sample, production, candidate, setup, judges, stages)) {
        GateRun run = stages.time("estimate and check", () -> finish(spec, sample, segments, production, candidate, graded,
            warnings, Optional.empty()));
        return run.withStages(stages.list());
      }
    } finally {
      judges.ifPresent(BatchJudges::close);
    }
  }

  /** Bounds the grading passes of batch judges: each pass after the first only retries malformed verdicts. */
  private static final int MAX_JUDGE_PASSES = 16;

  /**
   * Grades both arms. With batch judges, a pass whose judge calls were deferred is dropped: the calls
   * are submitted, and once collected (within {@code batch.max-wait}) the next pass grades on the
   * replies; calls still outstanding end the run pending, never passed.
   */
  private GraderSetup.Graded gradeWithBatchJudges(GateSpec spec, Sample sample, ArmResult production,
      ArmResult candidate, GraderSetup setup, Optional<BatchJudges> judges, Stages stages) throws IOException {
    for (int pass = 1; ; pass++) {
      GraderSetup.Graded graded = stages.time("grade", () -> setup.grade(spec, sample.prefixes(), production, candidate));
      if (judges.isEmpty()) {
        return graded;
      }
      BatchJudges.Round round;
      try {
        round = stages.time("submit and collect judge batches", () -> judges.get().submit(true));
      } catch (IOException | RuntimeException e) {
        graded.close();
        throw e;
      }
      if (!round.deferred()) {
        return graded;
      }
      graded.close();
      if (!round.pending().isEmpty()) {
        throw new BatchPendingException(new BatchPending(spec.id(), round.pending()));
      }
      if (pass == MAX_JUDGE_PASSES) {
        throw new IllegalStateException("Judge batches still deferred calls after " + pass + " grading passes; a judge"
            + " retries a malformed verdict at most 'retries' times, so this is a bug: please report it");
      }
    }
  }

  /**
   * Sequential sampling: both arms answer and the graders grade the drawn sample batch by batch
   * until the confidence sequences decide every max-rate check or the sample (the cap) is answered;
   * the run is then finished on the answered prefixes, a uniform random subsample.
   */
  private GateRun sequential(GateSpec spec, Sample drawn, List<String> segments, List<String> warnings, Stages stages)
      throws IOException {
    GraderSetup.Session session = graderSetup.open(spec);
    SequentialRun seq;
    try {
      seq = stages.time("generate and grade in batches", () -> SequentialRun.run(spec,
          spec.prefixes().sample().sequential().orElseThrow(), drawn, segments, arms, session));
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
    List<String> all = new ArrayList<>(warnings);
    all.add(seq.note());
    System.err.println(dev.rehearsal.spec.Secrets.mask("[rehearsal] " + spec.id() + ": " + seq.note()));
    try (GraderSetup.Graded graded = seq.graded(session)) {
      GateRun run = stages.time("estimate and check", () -> finish(spec, seq.answeredSample(), segments, seq.production(),
          seq.candidate(), graded, all, Optional.of(seq)));
      return run.withStages(stages.list());
    }
  }

  private GateRun finish(GateSpec spec, Sample sample, List<String> segments, ArmResult production,
      ArmResult candidate, GraderSetup.Graded graded, List<String> warnings, Optional<SequentialRun> sequential) {
    Map<String, Map<String, Verdict>> prodVerdicts = graded.verdicts(production.name());
    Map<String, Map<String, Verdict>> candVerdicts = graded.verdicts(candidate.name());
    List<ItemResult> items = Items.of(sample, production, candidate, graded);
    List<LabelRow> labels = labels(spec);
    Map<String, CategoryResult> categories = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(warnings);
    List<String> ungraded = new ArrayList<>();
    for (CategorySpec c : spec.categories()) {
      CategoryGrading grading = GradingCorrection.of(spec, c, items, labels, graded.fingerprints());
      all.addAll(grading.warnings().stream().map(w -> GRADING_WARNING + w).toList());
      if (grading.unchecked() && c.grading().requireCalibration()) {
        ungraded.add(c.id() + ": grader '" + c.grader() + "' never checked against people (no current human labels"
            + " or calibration) and grading.require-calibration is true; run the review loop"
            + " (docs/review-and-correction.md) or calibrate the grader");
      }
      Map<String, ScopeCorrection> scopes = GradingCorrection.segments(spec, c, items, labels, graded.fingerprints(),
          grading, segments);
      segmentWarning(c, grading, scopes).ifPresent(w -> all.add(GRADING_WARNING + w));
      CategoryResult r = category(spec, c, segments, sample, production, candidate, prodVerdicts.get(c.grader()),
          candVerdicts.get(c.grader()), grading, scopes);
      categories.put(c.id(), sequential.map(seq -> new CategoryResult(r.category(), r.candidate(), r.production(),
          r.checks().stream().map(seq::adjust).toList(), r.examples(), r.overall(), r.exampleSets(), r.grading())).orElse(r));
    }
    int drawn = sequential.map(SequentialRun::drawnSize).orElse(sample.prefixes().size());
    Health base = health(spec, sample, drawn, production, candidate);
    Health checked = graded.withGradingProblems(sequential.map(seq -> new Health(base.problems(),
        base.summary() + "; " + seq.note())).orElse(base), spec.health());
    List<String> problems = new ArrayList<>(checked.problems());
    problems.addAll(ungraded);
    Health health = new Health(problems, checked.summary());
    return new GateRun(spec, sample, segments, production, candidate, Collections.unmodifiableMap(categories), health,
        decide(spec, categories, health), List.of(), graded.fingerprints(), graded.lock(), graded.errors(), graded.audit(),
        all, Items.runId(spec, graded.fingerprints()), items);
  }

  /** Names the segments whose checks could not be corrected, when the category's overall rates were. */
  private static Optional<String> segmentWarning(CategorySpec c, CategoryGrading grading,
      Map<String, ScopeCorrection> scopes) {
    List<String> shortOnes = scopes.values().stream().filter(s -> !s.ready(true)).map(s -> s.segment() + " (candidate "
        + s.candidateLabels() + ", production " + s.productionLabels() + ")").toList();
    if (shortOnes.isEmpty() || !c.grading().correctsWhenPossible()) {
      return Optional.empty();
    }
    return Optional.of(c.id() + ": too few current human labels to correct segment(s) " + String.join(", ", shortOnes)
        + " of min-labels " + c.grading().minLabels() + " per arm; checks there that need an arm with too few labels "
        + (c.grading().requireCalibration() ? "fail closed (grading.require-calibration)" : "decide on raw rates"));
  }

  /** How grading warnings start in {@link GateRun#warnings()}. */
  static final String GRADING_WARNING = "grading: ";

  /** The gate's human labels from the run store; none without a store. */
  private List<LabelRow> labels(GateSpec spec) {
    // A store file not yet written has no labels; a database store is opened (it may hold them).
    return store.filter(l -> l.file().map(java.nio.file.Files::exists).orElse(true)).map(location -> {
      try (RunStore s = RunStore.open(location)) {
        return new LabelTable(s).labels(spec.id());
      }
    }).orElse(List.of());
  }

  private static List<String> segments(GateSpec spec, Sample sample) {
    List<String> out = new ArrayList<>();
    spec.prefixes().segments().stream().map(SegmentSpec::id).forEach(out::add);
    // With no segments declared, every prefix is "other" and that row would only repeat "overall".
    if (!out.isEmpty() && sample.prefixes().stream().anyMatch(p -> p.segment().equals(PrefixSampler.UNSEGMENTED))) {
      out.add(PrefixSampler.UNSEGMENTED);
    }
    return out;
  }

  private static CategoryResult category(GateSpec spec, CategorySpec c, List<String> segments, Sample sample,
      ArmResult production, ArmResult candidate, Map<String, Verdict> prod, Map<String, Verdict> cand,
      CategoryGrading grading, Map<String, ScopeCorrection> scopes) {
    List<Prefix> prefixes = sample.prefixes();
    Map<String, RateEstimate> candEst = new LinkedHashMap<>();
    Map<String, RateEstimate> prodEst = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(segments);
    all.add(GateRun.OVERALL);
    for (String s : all) {
      List<Prefix> in = prefixes.stream().filter(p -> s.equals(GateRun.OVERALL) || p.segment().equals(s)).toList();
      candEst.put(s, estimate(in, cand, c.label()));
      prodEst.put(s, estimate(in, prod, c.label()));
    }
    Optional<PostStratifiedRate> postStratified = postStratified(sample, candEst);
    List<CheckResult> checks = new ArrayList<>();
    for (ThresholdSpec t : spec.thresholds()) {
      if (!t.appliesTo(c)) {
        continue;
      }
      for (String s : all) {
        // Without 'segments:', absolute kinds check every segment and the overall rate; comparative
        // kinds only the overall rate, because per-segment comparisons multiply false alarms.
        if (t.appliesToSegment(s) && (!t.segments().isEmpty() || s.equals(GateRun.OVERALL) || !t.kind().comparative())) {
          CheckResult raw = ThresholdChecks.check(t, c.id(), s, candEst.get(s), prodEst.get(s),
              s.equals(GateRun.OVERALL) ? postStratified : Optional.empty());
          // Overall and every segment are decided on corrected rates where the labels allow it.
          ScopeCorrection scope = s.equals(GateRun.OVERALL) ? CorrectedDecision.overall(c, grading) : scopes.get(s);
          checks.add(scope == null ? raw : CorrectedDecision.of(t, raw, c, grading, scope, candEst.get(s), prodEst.get(s)));
        }
      }
    }
    OverallDetail overall = overall(spec, sample, candEst.get(GateRun.OVERALL), postStratified, prefixes, cand, c.label());
    List<ExampleSet> sets = Examples.draw(spec.prefixes().sample().seed(), c, segments, prefixes, MAX_EXAMPLES,
        List.of(candidate, production), Map.of(candidate.name(), orEmpty(cand), production.name(), orEmpty(prod)));
    List<FlaggedExample> shown = sets.stream().flatMap(s -> s.shown().stream()).toList();
    return new CategoryResult(c, candEst, prodEst, checks, shown, overall, sets, grading);
  }

  private static Map<String, Verdict> orEmpty(Map<String, Verdict> verdicts) {
    return verdicts == null ? Map.of() : verdicts;
  }

  private static OverallDetail overall(GateSpec spec, Sample sample, RateEstimate pooled,
      Optional<PostStratifiedRate> postStratified, List<Prefix> prefixes, Map<String, Verdict> verdicts, String label) {
    Optional<TrafficRisk> risk = spec.traffic().filter(t -> pooled.n() > 0 && sample.report().conversations() > 0)
        .flatMap(t -> risk(t.conversationsPerDay(), sample, pooled, postStratified));
    Map<String, int[]> byConversation = Clustering.byConversation(prefixes, verdicts, label);
    return new OverallDetail(postStratified, risk, Clustering.rate(byConversation), byConversation.size());
  }

  // Traffic counts conversations; rates are per eligible user turn, so exposure is conversations ×
  // eligible user turns per conversation of the log the sample came from.
  private static Optional<TrafficRisk> risk(long perDay, Sample sample, RateEstimate pooled,
      Optional<PostStratifiedRate> postStratified) {
    double turnsPerConversation = sample.report().eligibleTurns() / (double) sample.report().conversations();
    if (!(turnsPerConversation > 0)) {
      return Optional.empty();
    }
    if (postStratified.isEmpty()) {
      return Optional.of(TrafficRisk.uniform(perDay, turnsPerConversation, pooled));
    }
    return postStratified.filter(PostStratifiedRate::defined)
        .map(ps -> TrafficRisk.stratified(perDay, turnsPerConversation, ps));
  }

  /**
   * The candidate's post-stratified overall rate when the sample is stratified: its allocation (equal,
   * Neyman, a minimum per segment) makes segment shares of the sample differ from production's, so
   * pooled counts estimate the sample's mix. A uniform sample is self-weighting (every eligible user
   * turn has the same inclusion probability n/N), so pooled k/n is exactly the design-unbiased
   * estimate and stays in use (Cochran 1977, 5A.2).
   */
  static Optional<PostStratifiedRate> postStratified(Sample sample, Map<String, RateEstimate> bySegment) {
    return sample.allocation().isEmpty() ? Optional.empty()
        : Optional.of(PostStratifiedRate.of(sample.weights(), bySegment));
  }

  private static RateEstimate estimate(List<Prefix> prefixes, Map<String, Verdict> verdicts, String label) {
    int n = 0;
    int k = 0;
    for (Prefix p : prefixes) {
      Verdict v = verdicts.get(p.sampleId());
      if (v != null) {
        n++;
        k += v.has(label) ? 1 : 0;
      }
    }
    return new RateEstimate(k, n);
  }

  static String clip(String s) {
    return s.length() <= 600 ? s : s.substring(0, 600) + "…";
  }

  /** {@code drawn}: the sampler's size, which a sequential run answers only a subsample of. */
  private static Health health(GateSpec spec, Sample sample, int drawn, ArmResult production, ArmResult candidate) {
    List<String> problems = new ArrayList<>();
    int wanted = spec.prefixes().sample().size();
    int got = sample.prefixes().size();
    boolean dedup = spec.prefixes().sample().dedup();
    if (drawn < spec.health().minSampleShare() * wanted) {
      problems.add("sample size " + drawn + " is below " + Math.round(spec.health().minSampleShare() * wanted)
          + " (only " + (dedup ? sample.report().distinctPrefixes() + " distinct eligible user turns after"
              + " dedup, of " + sample.report().eligibleTurns() + " eligible"
              : sample.report().eligibleTurns() + " eligible user turns") + " in the log; lower sample.size or"
          + " widen eligibility" + (dedup ? ")" : dedupAdvice(sample)));
    }
    long lines = Math.max(1, sample.report().lines());
    double badShare = spec.prefixes().badRecords().maxShare().orElse(spec.health().maxErrorShare());
    if (sample.report().badRecords() > badShare * lines) {
      problems.add(sample.report().badRecords() + " of " + lines + " log records could not be read (bound "
          + RateEstimate.percent(badShare) + ", prefixes.bad-records.max-share); first: "
          + sample.report().problems().stream().findFirst().orElse(""));
    }
    for (ArmResult arm : List.of(production, candidate)) {
      long errors = arm.errorCount() - arm.emptyCount();
      if (got > 0 && errors > spec.health().maxErrorShare() * got) {
        problems.add(arm.name() + " arm errored on " + errors + " of " + got + " prefixes (bound "
            + RateEstimate.percent(spec.health().maxErrorShare()) + "): " + arm.errors());
      }
      // Empty replies are their own outcome with their own bound (default 0): never a clean grade.
      if (got > 0 && arm.emptyCount() > spec.health().maxEmptyShare() * got) {
        problems.add(arm.name() + " arm gave an empty reply (no text, no tool call) to " + arm.emptyCount() + " of "
            + got + " prefixes (bound " + RateEstimate.percent(spec.health().maxEmptyShare())
            + ", health.max-empty-share); check the model entry (max-tokens, stop) and the endpoint");
      }
    }
    String summary = String.format(java.util.Locale.ROOT,
        "sampled %d of %d requested from %s (%d conversations, %d user turns rejected, %d bad records: %s);"
            + " errors: production %d %s, candidate %d %s",
        drawn, wanted, eligibleText(sample.report(), dedup), sample.report().conversations(),
        sample.report().rejectedTurns(), sample.report().badRecords(), sample.report().rejected(),
        production.errorCount(), production.errors(), candidate.errorCount(), candidate.errors())
        + "; " + sample.deid().summary()
        + prefixCounts(sample.report(), dedup)
        + cacheSummary(production, candidate) + usageSummary(production, candidate);
    return new Health(problems, summary);
  }

  /** The eligible user turns the sample was drawn from: after dedup when it is on. */
  static String eligibleText(dev.rehearsal.prefix.SourceReport r, boolean dedup) {
    return dedup ? r.distinctPrefixes() + " distinct eligible user turns (" + r.eligibleTurns()
        + " eligible, " + r.duplicates() + " duplicates removed by dedup)"
        : r.eligibleTurns() + " eligible user turns";
  }

  /** Exact distinct and duplicate prefix counts, and whether records share prefixes. */
  static String prefixCounts(dev.rehearsal.prefix.SourceReport r, boolean dedup) {
    if (r.duplicates() == 0) {
      return "; every eligible prefix distinct";
    }
    return "; prefixes: " + r.distinctPrefixes() + " distinct, " + r.duplicates() + " duplicates ("
        + r.sharedHistory() + " repeating logged history" + (r.treeShaped() ? ": a tree-shaped log" : "")
        + ")" + (dedup ? ", removed by dedup" : ", sampled per record (prefixes.sample.dedup is off)");
  }

  /** Advice for a log with duplicates sampled without dedup. */
  static String dedupAdvice(Sample sample) {
    return sample.report().duplicates() == 0 ? ")" : "; " + sample.report().duplicates()
        + " of them repeat an earlier prefix: set prefixes.sample.dedup: true to sample each distinct"
        + " user turn once)";
  }

  /** {@code ; response store: candidate 20 of 20 calls from cache}, for the arms answered through the store. */
  static String cacheSummary(ArmResult production, ArmResult candidate) {
    List<String> arms = new ArrayList<>();
    for (ArmResult arm : List.of(production, candidate)) {
      arm.cache().ifPresent(c -> arms.add(arm.name() + " " + c.summary()));
    }
    return arms.isEmpty() ? "" : "; response store: " + String.join(", ", arms);
  }

  /** {@code ; candidate: 3 replies without token usage (...)}, for arms with something to say. */
  static String usageSummary(ArmResult production, ArmResult candidate) {
    StringBuilder out = new StringBuilder();
    for (ArmResult arm : List.of(production, candidate)) {
      if (arm.usage().any()) {
        out.append("; ").append(arm.name()).append(": ").append(arm.usage().summary());
      }
    }
    return out.toString();
  }

  private static Decision decide(GateSpec spec, Map<String, CategoryResult> categories, Health health) {
    Action action = Action.SHIP;
    List<CheckResult> breaches = new ArrayList<>();
    List<CheckResult> inconclusive = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (String problem : health.problems()) {
      action = action.max(Action.HOLD);
      reasons.add("hold: simulation unhealthy: " + problem + " (owner " + spec.owner() + ")");
    }
    for (CategoryResult r : categories.values()) {
      for (CheckResult c : r.checks()) {
        if (c.inconclusive()) {
          inconclusive.add(c);
        }
        if (c.blocks()) {
          breaches.add(c);
          action = action.max(c.threshold().onBreach());
          reasons.add(Decision.reason(c, r.category().owner()));
        } else if (c.inconclusive()) {
          reasons.add("not acted on (" + c.verdict() + "): " + c.category() + " / " + c.segment() + ": " + c.observed()
              + " (owner " + r.category().owner() + ")");
        }
      }
    }
    return new Decision(action, breaches, inconclusive, reasons);
  }

  static Optional<String> none() {
    return Optional.empty();
  }
}
