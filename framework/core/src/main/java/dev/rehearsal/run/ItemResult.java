package dev.rehearsal.run;

import dev.rehearsal.grade.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One sample as one arm answered it and every grader judged it: the unit that {@code results.jsonl}
 * and the run store's {@code items}/{@code item_grades} tables keep, so any reported number can be
 * traced to the items behind it without grading again.
 *
 * @param sampleId the prefix's sample id
 * @param source where the prefix came from: {@code <file>:<line>} (or the query row)
 * @param segment its segment
 * @param weight its post-stratification weight, W_h·n/n_h (1 for a self-weighting sample)
 * @param arm the arm's name ({@code production} or {@code candidate})
 * @param armDescription how the arm answered ({@code replay:chosen}, {@code model:candidate})
 * @param response the response text (untrusted model output); empty when the arm errored
 * @param error why the arm has no response (a counted error)
 * @param grades each grader's outcome by grader id, in spec order
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ItemResult(String sampleId, String source, String segment, double weight, String arm,
    String armDescription, Optional<String> response, Optional<String> error, Map<String, Grade> grades) {

  public ItemResult {
    grades = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grades));
  }

  /** Whether a grader gave this item {@code label}. */
  public boolean flagged(String graderId, String label) {
    Grade g = grades.get(graderId);
    return g != null && g.verdict().map(v -> v.has(label)).orElse(false);
  }

  /**
   * One grader's outcome on the item.
   *
   * @param fingerprint the grader's fingerprint (what measured it)
   * @param verdict its labels and evidence; empty when it failed or there was no response
   * @param error why it failed (a counted grading error); empty otherwise
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Grade(String fingerprint, Optional<Verdict> verdict, Optional<String> error) {}
}
