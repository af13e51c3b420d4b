package dev.rehearsal.run;

import dev.rehearsal.stats.CorrectedEstimate;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a category's overall rates were corrected for grader error, and what is known about the
 * grader's error: corrected per-arm rates (PPI++ from human labels, or Rogan–Gladen from a
 * calibration file), the labels behind them, reviewer agreement and warnings.
 *
 * @param source {@code human labels}, {@code calibration} or {@code none}
 * @param decidesOn {@code corrected} or {@code raw}: what the overall thresholds were decided on
 * @param candidate the candidate's corrected overall rate, if it could be corrected
 * @param production production's corrected overall rate, if it could be corrected
 * @param candidateLabels current human labels of candidate responses used
 * @param productionLabels current human labels of production responses used
 * @param staleLabels labels of this category made under another grader fingerprint (not used)
 * @param agreement reviewer agreement (Cohen's or Fleiss' κ) when items have several reviewers
 * @param warnings why the category's grader error is not (fully) known, in words
 * @param unchecked whether the grader was never checked against people (no usable labels or
 *     calibration); with {@code require-calibration: true} this holds the release
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CategoryGrading(String source, String decidesOn, Optional<CorrectedEstimate> candidate,
    Optional<CorrectedEstimate> production, int candidateLabels, int productionLabels, int staleLabels,
    Optional<String> agreement, List<String> warnings, boolean unchecked) {

  public CategoryGrading {
    warnings = List.copyOf(warnings);
  }

  /** Nothing known (report fixtures, runs before the review loop existed). */
  public static CategoryGrading none() {
    return new CategoryGrading("none", "raw", Optional.empty(), Optional.empty(), 0, 0, 0, Optional.empty(),
        List.of(), false);
  }

  /** Whether the overall thresholds were decided on corrected rates. */
  public boolean corrected() {
    return decidesOn.equals("corrected");
  }
}
