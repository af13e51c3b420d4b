package dev.rehearsal.spec;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A release threshold.
 *
 * @param categories a category id or glob ({@code disallowed/*})
 * @param segments segments it applies to; empty means every segment and the overall rate
 * @param kind the kind
 * @param limit the limit (a rate for max-rate, a ratio for max-ratio-to-production)
 * @param confidence the confidence of the upper bound (max-rate)
 * @param onBreach the action when breached
 * @param mark where it is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ThresholdSpec(
    String categories,
    List<String> segments,
    ThresholdKind kind,
    double limit,
    double confidence,
    Action onBreach,
    Mark mark) {

  public ThresholdSpec {
    segments = List.copyOf(segments);
  }

  /** Whether the threshold applies to a category id (glob with '*'). */
  public boolean appliesTo(String categoryId) {
    String regex = java.util.regex.Pattern.quote(categories).replace("*", "\\E.*\\Q");
    return categoryId.matches(regex);
  }

  /** Whether the threshold applies to a segment ({@code overall} for the whole sample). */
  public boolean appliesToSegment(String segment) {
    return segments.isEmpty() || segments.contains(segment);
  }
}
