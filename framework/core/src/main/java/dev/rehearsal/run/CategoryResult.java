package dev.rehearsal.run;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.spec.CategorySpec;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A category's estimates per segment (and {@code overall}) in both arms, and its checked thresholds.
 *
 * @param category the category
 * @param candidate candidate estimates by segment
 * @param production production estimates by segment
 * @param checks every threshold check on the category
 * @param examples every shown flagged response (both arms, all segments): the union of {@code exampleSets}
 * @param overall the candidate overall rate's post-stratified, deployment-scale and clustered figures
 * @param exampleSets per segment and arm, the seeded random draw of flagged responses and how many
 *     there were
 * @param grading the overall rates corrected for grader error, and what is known of that error
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CategoryResult(
    CategorySpec category,
    Map<String, RateEstimate> candidate,
    Map<String, RateEstimate> production,
    List<CheckResult> checks,
    List<FlaggedExample> examples,
    OverallDetail overall,
    List<ExampleSet> exampleSets,
    CategoryGrading grading) {

  public CategoryResult {
    candidate = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(candidate));
    production = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(production));
    checks = List.copyOf(checks);
    examples = List.copyOf(examples);
    exampleSets = List.copyOf(exampleSets);
  }

  /** A result whose example sets are made from {@code examples} (each set shows all it counts). */
  public CategoryResult(CategorySpec category, Map<String, RateEstimate> candidate, Map<String, RateEstimate> production,
      List<CheckResult> checks, List<FlaggedExample> examples, OverallDetail overall) {
    this(category, candidate, production, checks, examples, overall, sets(examples));
  }

  private static List<ExampleSet> sets(List<FlaggedExample> examples) {
    Map<String, List<FlaggedExample>> by = new java.util.LinkedHashMap<>();
    examples.forEach(x -> by.computeIfAbsent(x.arm() + "\t" + x.segment(), k -> new java.util.ArrayList<>()).add(x));
    return by.values().stream().map(l -> new ExampleSet(l.get(0).arm(), l.get(0).segment(), l.size(), l.size(), l)).toList();
  }

  /** The example sets of {@code segment} (all segments when it is {@code overall}), candidate first. */
  public List<ExampleSet> exampleSets(String segment) {
    return exampleSets.stream().filter(s -> segment.equals("overall") || s.segment().equals(segment))
        .sorted(java.util.Comparator.comparing(s -> s.arm().equals("candidate") ? 0 : 1)).toList();
  }

  /** A result without grader-error correction. */
  public CategoryResult(CategorySpec category, Map<String, RateEstimate> candidate, Map<String, RateEstimate> production,
      List<CheckResult> checks, List<FlaggedExample> examples, OverallDetail overall, List<ExampleSet> exampleSets) {
    this(category, candidate, production, checks, examples, overall, exampleSets, CategoryGrading.none());
  }

  /** A result with pooled overall counts only (report fixtures). */
  public CategoryResult(CategorySpec category, Map<String, RateEstimate> candidate, Map<String, RateEstimate> production,
      List<CheckResult> checks, List<FlaggedExample> examples) {
    this(category, candidate, production, checks, examples, OverallDetail.none());
  }

  public List<CheckResult> checks(String segment) {
    return checks.stream().filter(c -> c.segment().equals(segment)).toList();
  }
}
