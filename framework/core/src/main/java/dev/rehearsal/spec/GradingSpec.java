package dev.rehearsal.spec;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a category's rates account for grader error ({@code grading:} at gate or category level).
 *
 * @param estimate {@code raw} or {@code corrected}; absent: corrected once human labels or a
 *     calibration of the category's grader exist, raw otherwise
 * @param requireCalibration whether a category whose grader was never checked against people (no
 *     labels, too few, or labels under another fingerprint) fails instead of only warning
 * @param minLabels the fewest current human labels per arm that bound the grader's error
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GradingSpec(Optional<Estimate> estimate, boolean requireCalibration, int minLabels) {

  /** The default: corrected when possible, a warning when not, at least 30 labels per arm. */
  public static GradingSpec defaults() {
    return new GradingSpec(Optional.empty(), false, 30);
  }

  /** Whether the corrected estimate decides when one can be computed. */
  public boolean correctsWhenPossible() {
    return estimate.orElse(Estimate.CORRECTED) == Estimate.CORRECTED;
  }

  /** The estimate a threshold decides on. */
  public enum Estimate {
    /** The grader's rate as measured. */
    RAW,
    /** PPI++ from human labels, or Rogan–Gladen from a calibration file. */
    CORRECTED;

    /** The spelling in gate files. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
