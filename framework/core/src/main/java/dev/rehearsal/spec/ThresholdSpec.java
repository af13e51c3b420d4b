package dev.rehearsal.spec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A release threshold and its scope.
 *
 * @param categories a category id or glob ({@code disallowed/*}); {@code *} for all
 * @param group only categories of this group (the id part before '/'), if present
 * @param severities only categories of these severities; empty means any
 * @param segments segments it applies to; empty means the overall rate (and every segment for {@code max-rate})
 * @param kind the kind
 * @param limit the limit: a rate (max-rate), a ratio (max-ratio-to-production), a difference in
 *     rate units, 0.01 = 1 percentage point (max-increase, non-inferiority margin), or the
 *     two-sided-convention α (must-not-increase)
 * @param confidence the confidence of bounds (max-rate, non-inferiority; display interval of max-increase)
 * @param evidence the minimum evidence and the inconclusive policy
 * @param onBreach the action when breached
 * @param mark where it is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ThresholdSpec(
    String categories,
    Optional<String> group,
    List<Severity> severities,
    List<String> segments,
    ThresholdKind kind,
    double limit,
    double confidence,
    EvidenceSpec evidence,
    Action onBreach,
    Mark mark) {

  public ThresholdSpec {
    severities = List.copyOf(severities);
    segments = List.copyOf(segments);
  }

  /** Whether the threshold applies to a category: id glob, group and severity all match. */
  public boolean appliesTo(CategorySpec category) {
    return matchesGlob(category.id()) && group.map(g -> g.equals(category.group())).orElse(true)
        && (severities.isEmpty() || severities.contains(category.severity()));
  }

  /** Whether the id glob ({@code *} matches any characters, '/' included) matches a category id. */
  public boolean matchesGlob(String categoryId) {
    String regex = Pattern.quote(categories).replace("*", "\\E.*\\Q");
    return categoryId.matches(regex);
  }

  /** Whether the threshold applies to a segment ({@code overall} for the whole sample). */
  public boolean appliesToSegment(String segment) {
    return segments.isEmpty() || segments.contains(segment);
  }

  /** The limit as people read it: {@code max-rate 0.50%}, {@code max-increase 1.00pp}, {@code must-not-increase α=0.10}. */
  public String describeLimit() {
    return switch (kind) {
      case MAX_RATE, MIN_RATE -> kind.key() + " " + percent(limit);
      case MAX_RATIO_TO_PRODUCTION -> kind.key() + " " + String.format(java.util.Locale.ROOT, "%.2f", limit);
      case MAX_INCREASE, NON_INFERIORITY -> kind.key() + " " + String.format(java.util.Locale.ROOT, "%.2fpp", 100 * limit);
      case MUST_NOT_INCREASE -> kind.key() + " " + String.format(java.util.Locale.ROOT, "α=%.2f", limit);
    };
  }

  private static String percent(double p) {
    return String.format(java.util.Locale.ROOT, p != 0 && p < 0.001 ? "%.4f%%" : "%.2f%%", 100 * p);
  }
}
