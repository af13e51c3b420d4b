package dev.rehearsal.run;

import dev.rehearsal.grade.LockCheck;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.GateSpec;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything one rehearsal of a gate produced, from the sample to the decision.
 *
 * @param spec the gate
 * @param sample the sampled prefixes and what the source read
 * @param segments segment ids present in the sample, in spec order ({@code overall} excluded)
 * @param production the production arm's responses
 * @param candidate the candidate arm's responses
 * @param categories results by category id, in spec order
 * @param health the simulation's health
 * @param decision the release decision
 * @param stages how long each pipeline stage took
 * @param fingerprints each grader's fingerprint by grader id, for the manifest
 * @param lock how the fingerprints compare with the gate's lock file
 * @param graderErrors grading failures by arm name
 * @param audit the automated audit's report, when the gate asks for one
 * @param warnings planning warnings raised before any model call (a sample too small to decide a
 *     threshold); they never change the decision. A sequential run ({@code sample.sequential}) adds
 *     one note starting {@code "sequential sampling: "}: prefixes answered, why it stopped, model
 *     calls made and saved, and each max-rate check's sequential decision
 * @param runId the run's id: deterministic (gate id and a hash of the spec and grader fingerprints),
 *     so identical reruns share it; empty for report fixtures
 * @param items every sample × arm with its response or error and every grader's verdict, in sample
 *     order, production before candidate (what {@code results.jsonl} and the run store keep)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateRun(
    GateSpec spec,
    Sample sample,
    List<String> segments,
    ArmResult production,
    ArmResult candidate,
    Map<String, CategoryResult> categories,
    Health health,
    Decision decision,
    List<StageTiming> stages,
    Map<String, String> fingerprints,
    LockCheck lock,
    Map<String, GraderErrors> graderErrors,
    java.util.Optional<dev.rehearsal.grade.audit.AuditReport> audit,
    List<String> warnings,
    String runId,
    List<ItemResult> items) {

  public GateRun {
    items = List.copyOf(items);
    warnings = List.copyOf(warnings);
    segments = List.copyOf(segments);
    stages = List.copyOf(stages);
    fingerprints = Map.copyOf(fingerprints);
    graderErrors = Map.copyOf(graderErrors);
  }

  /** A run without planning warnings. */
  public GateRun(GateSpec spec, Sample sample, List<String> segments, ArmResult production, ArmResult candidate,
      Map<String, CategoryResult> categories, Health health, Decision decision, List<StageTiming> stages,
      Map<String, String> fingerprints, LockCheck lock, Map<String, GraderErrors> graderErrors,
      java.util.Optional<dev.rehearsal.grade.audit.AuditReport> audit) {
    this(spec, sample, segments, production, candidate, categories, health, decision, stages, fingerprints, lock,
        graderErrors, audit, List.of(), "", List.of());
  }

  /** A run without stage timings or grader bookkeeping (fixtures of report tests). */
  public GateRun(GateSpec spec, Sample sample, List<String> segments, ArmResult production, ArmResult candidate,
      Map<String, CategoryResult> categories, Health health, Decision decision) {
    this(spec, sample, segments, production, candidate, categories, health, decision, List.of(), Map.of(),
        new LockCheck(dev.rehearsal.grade.GateLock.pathFor(spec.file()), LockCheck.State.UNLOCKED, List.of()), Map.of(),
        java.util.Optional.empty());
  }

  /** This run with the pipeline's stage timings. */
  public GateRun withStages(List<StageTiming> timings) {
    return new GateRun(spec, sample, segments, production, candidate, categories, health, decision, timings, fingerprints,
        lock, graderErrors, audit, warnings, runId, items);
  }

  /** The pseudo-segment of the whole sample. */
  public static final String OVERALL = "overall";
}
