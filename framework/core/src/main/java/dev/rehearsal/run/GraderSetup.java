package dev.rehearsal.run;

import dev.rehearsal.grade.GradeBudget;
import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.GraderException;
import dev.rehearsal.grade.GraderFingerprint;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.grade.GateLock;
import dev.rehearsal.grade.LockCheck;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.spec.GateSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a run builds and applies its graders: creates them against the spec's models, fingerprints
 * them, checks (or re-freezes) the gate lock, and grades both arms, counting failures per arm.
 */
record GraderSetup(boolean refreeze, Optional<Function<ModelConfig, ModelClient>> clients,
    Optional<dev.rehearsal.run.store.StoreLocation> store, boolean fresh) {

  static GraderSetup fromSystemProperties() {
    return new GraderSetup(Boolean.getBoolean(GateLock.REFREEZE_PROPERTY), Optional.empty(), Optional.empty(), false);
  }

  GraderSetup withRefreeze(boolean value) {
    return new GraderSetup(value, clients, store, fresh);
  }

  GraderSetup withClients(Function<ModelConfig, ModelClient> value) {
    return new GraderSetup(refreeze, Optional.of(value), store, fresh);
  }

  /**
   * Judge verdicts are cached in the store's grade cache (no store: every grade is made); with
   * {@code fresh} every judge call is made again and its verdict overwrites the cached one, as
   * {@link RunOptions#fresh()} does for model calls.
   */
  GraderSetup withStore(Optional<dev.rehearsal.run.store.StoreLocation> location, boolean fresh) {
    return new GraderSetup(refreeze, clients, location, fresh);
  }

  GraderContext context(GateSpec spec) {
    // Prompt texts were read (and confined to the project) when the spec was loaded, so the spec's
    // own directory is a safe root here.
    GraderContext context = GraderContext.of(spec.models(), spec.file().getParent(), spec.file().getParent());
    return clients.map(context::withClients).orElse(context);
  }

  Graded grade(GateSpec spec, List<Prefix> prefixes, ArmResult production, ArmResult candidate) {
    Session session = open(spec);
    return session.graded(spec, prefixes, production, candidate, session.grade(prefixes, production),
        session.grade(prefixes, candidate));
  }

  /** Builds the graders once, fingerprints them and checks the lock: for runs graded batch by batch. */
  Session open(GateSpec spec) {
    GraderContext context = context(spec);
    Map<String, Grader> graders = new LinkedHashMap<>();
    Map<String, String> fingerprints = new LinkedHashMap<>();
    java.util.Set<String> rules = new java.util.HashSet<>();
    boolean anyJudge = spec.graders().values().stream().anyMatch(g -> g.type().equals(JUDGE));
    Optional<RunStore> cache = anyJudge ? store.map(RunStore::open) : Optional.empty();
    GradeBudget budget = GradeBudget.fromSystemProperties();
    spec.graders().forEach((id, g) -> {
      Grader grader = Graders.create(g, context);
      String fingerprint = GraderFingerprint.of(g, grader);
      // Judge verdicts are cached (each costs a model call); rule graders are cheaper to rerun than to
      // look up, and get the per-grade time budget instead (judge calls carry their own timeouts).
      graders.put(id, g.type().equals(JUDGE)
          ? cache.<Grader>map(c -> new CachingGrader(grader, fingerprint, c.grades(), fresh)).orElse(grader)
          : budget.apply(grader));
      fingerprints.put(id, fingerprint);
      if (!g.type().equals(JUDGE) && !ownAsync(grader)) {
        rules.add(id);
      }
    });
    LockCheck lock = LockCheck.check(spec.file(), spec.id(), fingerprints, refreeze);
    return new Session(context, graders, fingerprints, lock, cache, java.util.Set.copyOf(rules));
  }

  private static final String JUDGE = "judge";

  // A grader with its own gradeAsync may call a model (its calls carry their own concurrency): only
  // graders that grade synchronously in grade() are run on every core.
  private static boolean ownAsync(Grader grader) {
    try {
      return grader.getClass().getMethod("gradeAsync", List.class, String.class).getDeclaringClass() != Grader.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  /** Graders of one run; {@link #graded} hands the context and the cache (and closing them) to the result. */
  record Session(GraderContext context, Map<String, Grader> graders, Map<String, String> fingerprints, LockCheck lock,
      Optional<RunStore> cache, java.util.Set<String> rules) {

    /** Grades one arm's responses to {@code prefixes} with every grader, rule graders on every core. */
    ArmGrading grade(List<Prefix> prefixes, ArmResult arm) {
      return ArmGrading.of(graders, rules, prefixes, arm);
    }

    /** Closes the judge clients and the grade cache's store (for a session that never reaches {@link #graded}). */
    void close() {
      try {
        context.close();
      } finally {
        cache.ifPresent(RunStore::close);
      }
    }

    /** The run's verdicts from both arms' gradings, with the audit (when asked for) over {@code prefixes}. */
    Graded graded(GateSpec spec, List<Prefix> prefixes, ArmResult production, ArmResult candidate, ArmGrading prod,
        ArmGrading cand) {
      Optional<dev.rehearsal.grade.audit.AuditReport> audit = spec.audit().map(a -> AuditRun.run(spec, a, context,
          prefixes, candidate));
      return new Graded(context, graders, fingerprints, lock, ordered(production.name(), prod, candidate.name(), cand),
          audit, cache);
    }
  }

  /** Both arms in spec order (production first): {@code Map.of} would order them differently per JVM. */
  private static Map<String, ArmGrading> ordered(String prodName, ArmGrading prod, String candName, ArmGrading cand) {
    Map<String, ArmGrading> arms = new LinkedHashMap<>();
    arms.put(prodName, prod);
    arms.put(candName, cand);
    return arms;
  }

  /** The verdicts and bookkeeping of one run; closing it closes the judge clients. */
  record Graded(GraderContext context, Map<String, Grader> graders, Map<String, String> fingerprints, LockCheck lock,
      Map<String, ArmGrading> arms, Optional<dev.rehearsal.grade.audit.AuditReport> audit, Optional<RunStore> cache)
      implements AutoCloseable {

    Map<String, Map<String, Verdict>> verdicts(String arm) {
      return arms.get(arm).verdicts();
    }

    /** Why a grader failed on a sample of {@code arm}, by grader id then sample id. */
    Map<String, Map<String, String>> failures(String arm) {
      return arms.get(arm).failures();
    }

    Map<String, GraderErrors> errors() {
      Map<String, GraderErrors> out = new LinkedHashMap<>();
      arms.forEach((name, a) -> out.put(name, a.errors()));
      return out;
    }

    Health withGradingProblems(Health health, dev.rehearsal.spec.HealthSpec bounds) {
      List<String> problems = new java.util.ArrayList<>(health.problems());
      lock.problems().forEach(p -> problems.add("measurement not frozen as locked: " + p));
      StringBuilder summary = new StringBuilder(health.summary()).append("; grader errors:");
      for (ArmGrading a : arms.values()) {
        GraderErrors e = a.errors();
        summary.append(' ').append(e.arm()).append(' ').append(e.count()).append(' ').append(e.byReason());
        if (e.count() > bounds.maxErrorShare() * e.attempted()) {
          problems.add("graders failed on " + e.count() + " of " + e.attempted() + " " + e.arm() + " gradings (bound "
              + dev.rehearsal.gate.RateEstimate.percent(bounds.maxErrorShare()) + "): " + e.byReason());
        }
      }
      return new Health(problems, summary.toString());
    }

    @Override
    public void close() {
      try {
        context.close();
      } finally {
        cache.ifPresent(RunStore::close);
      }
    }
  }

  /** Grades one arm's responses with every grader, keeping all judge calls in flight at once. */
  record ArmGrading(Map<String, Map<String, Verdict>> verdicts, GraderErrors errors,
      Map<String, Map<String, String>> failures) {

    /** A grading without per-sample failure reasons. */
    ArmGrading(Map<String, Map<String, Verdict>> verdicts, GraderErrors errors) {
      this(verdicts, errors, Map.of());
    }

    /** Every grader sequentially on the calling thread (judge calls still in flight at once). */
    static ArmGrading of(Map<String, Grader> graders, List<Prefix> prefixes, ArmResult arm) {
      return of(graders, java.util.Set.of(), prefixes, arm);
    }

    /**
     * As {@link #of(Map, List, ArmResult)}, the graders named in {@code rules} graded on every core
     * (after the others' calls are started, so judge calls overlap them); same verdicts in the same order.
     */
    static ArmGrading of(Map<String, Grader> graders, java.util.Set<String> rules, List<Prefix> prefixes, ArmResult arm) {
      Map<String, Map<String, java.util.concurrent.CompletableFuture<Verdict>>> pending = new LinkedHashMap<>();
      graders.forEach((id, grader) -> {
        if (rules.contains(id)) {
          pending.put(id, null); // keeps the spec's order; filled below
          return;
        }
        Map<String, java.util.concurrent.CompletableFuture<Verdict>> byPrefix = new LinkedHashMap<>();
        for (Prefix p : prefixes) {
          Response r = arm.responses().get(p.sampleId());
          r.text().ifPresent(t -> byPrefix.put(p.sampleId(), RuleGrading.start(grader, p, r, t)));
        }
        pending.put(id, byPrefix);
      });
      List<String> ruleIds = pending.keySet().stream().filter(rules::contains).toList();
      List<List<java.util.concurrent.CompletableFuture<Verdict>>> ruled = RuleGrading.grade(
          ruleIds.stream().map(graders::get).toList(), prefixes, arm);
      for (int g = 0; g < ruleIds.size(); g++) {
        Map<String, java.util.concurrent.CompletableFuture<Verdict>> byPrefix = new LinkedHashMap<>();
        for (int i = 0; i < prefixes.size(); i++) {
          if (ruled.get(g).get(i) != null) {
            byPrefix.put(prefixes.get(i).sampleId(), ruled.get(g).get(i));
          }
        }
        pending.put(ruleIds.get(g), byPrefix);
      }
      Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
      Map<String, Map<String, String>> failures = new LinkedHashMap<>();
      Map<String, Long> errors = new java.util.TreeMap<>();
      long attempted = 0;
      for (var g : pending.entrySet()) {
        Map<String, Verdict> done = new LinkedHashMap<>();
        for (var f : g.getValue().entrySet()) {
          attempted++;
          try {
            done.put(f.getKey(), f.getValue().join());
          } catch (java.util.concurrent.CompletionException | GraderException e) {
            errors.merge(g.getKey() + ": " + reason(e), 1L, Long::sum);
            failures.computeIfAbsent(g.getKey(), k -> new LinkedHashMap<>()).put(f.getKey(), detail(e));
          }
        }
        verdicts.put(g.getKey(), done);
      }
      return new ArmGrading(verdicts, new GraderErrors(arm.name(), attempted, errors), failures);
    }

    /** Two gradings of disjoint prefixes of one arm as one. */
    ArmGrading plus(ArmGrading other) {
      Map<String, Map<String, Verdict>> merged = new LinkedHashMap<>();
      verdicts.forEach((id, v) -> merged.put(id, new LinkedHashMap<>(v)));
      other.verdicts.forEach((id, v) -> merged.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(v));
      Map<String, Long> reasons = new java.util.TreeMap<>(errors.byReason());
      other.errors.byReason().forEach((r, n) -> reasons.merge(r, n, Long::sum));
      Map<String, Map<String, String>> failed = new LinkedHashMap<>();
      failures.forEach((id, v) -> failed.put(id, new LinkedHashMap<>(v)));
      other.failures.forEach((id, v) -> failed.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(v));
      return new ArmGrading(merged, new GraderErrors(errors.arm(), errors.attempted() + other.errors.attempted(), reasons),
          failed);
    }

    private static String reason(RuntimeException e) {
      Throwable cause = cause(e);
      return cause instanceof GraderException g ? g.reason() : "error: " + cause.getClass().getSimpleName();
    }

    /** The grader's own exception where a future wrapped it. */
    private static Throwable cause(RuntimeException e) {
      return e.getCause() != null && !(e instanceof GraderException) ? e.getCause() : e;
    }

    /** Longest per-item failure kept: a provider's error text can be long, and every item carries its own. */
    static final int MAX_DETAIL = 500;

    /**
     * What an item's failed grade records: the counted reason, then what exactly failed ({@code judge call
     * failed: judge 'harm': fatal: batch errored: HTTP 500 server_error (batch batch_2)}), so one can tell
     * why without rerunning. Counts stay by {@link #reason} alone. Only a {@link GraderException}'s
     * message is kept: it names the judge, the failure kind and the client's message, which never
     * quotes a header or a request body.
     */
    private static String detail(RuntimeException e) {
      if (!(cause(e) instanceof GraderException g)) {
        return reason(e);
      }
      String text = g.getMessage();
      if (text.length() <= MAX_DETAIL) {
        return text;
      }
      int end = Character.isHighSurrogate(text.charAt(MAX_DETAIL - 1)) ? MAX_DETAIL - 1 : MAX_DETAIL;
      return text.substring(0, end) + "…";
    }
  }
}
