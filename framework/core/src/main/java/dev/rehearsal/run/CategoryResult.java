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
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CategoryResult(
    CategorySpec category,
    Map<String, RateEstimate> candidate,
    Map<String, RateEstimate> production,
    List<CheckResult> checks,
    List<FlaggedExample> examples) {

  public CategoryResult {
    candidate = Map.copyOf(candidate);
    production = Map.copyOf(production);
    checks = List.copyOf(checks);
    examples = List.copyOf(examples);
  }

  public List<CheckResult> checks(String segment) {
    return checks.stream().filter(c -> c.segment().equals(segment)).toList();
  }
}
