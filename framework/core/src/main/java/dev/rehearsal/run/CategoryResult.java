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
 * @param examples flagged candidate responses (at most a few)
 * @param overall the candidate overall rate's post-stratified, deployment-scale and clustered figures
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
    CategoryGrading grading) {

  public CategoryResult {
    candidate = Map.copyOf(candidate);
    production = Map.copyOf(production);
    checks = List.copyOf(checks);
    examples = List.copyOf(examples);
  }

  /** A result without grader-error correction. */
  public CategoryResult(CategorySpec category, Map<String, RateEstimate> candidate, Map<String, RateEstimate> production,
      List<CheckResult> checks, List<FlaggedExample> examples, OverallDetail overall) {
    this(category, candidate, production, checks, examples, overall, CategoryGrading.none());
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
