package dev.rehearsal.grade.spi;

import dev.rehearsal.grade.Evidence;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A custom grader's verdict on one response: the labels it gives, each with its evidence span, and
 * an optional score (a confidence or a classifier probability, kept for reports).
 *
 * @param evidence one entry per label given; empty when nothing applies
 * @param score an optional score in [0, 1]
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GradeResult(List<Evidence> evidence, Optional<Double> score) {

  public GradeResult {
    evidence = List.copyOf(evidence);
    score.ifPresent(s -> {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException("Score is not in [0, 1]: " + s);
      }
    });
  }

  /** Nothing applies. */
  public static GradeResult clean() {
    return new GradeResult(List.of(), Optional.empty());
  }

  /** {@code label} applies because of {@code response[start, end)}. */
  public static GradeResult flag(String label, String response, int start, int end) {
    return new GradeResult(List.of(new Evidence(label, response.substring(start, end), start, end)), Optional.empty());
  }

  /** The same result with {@code score}. */
  public GradeResult withScore(double score) {
    return new GradeResult(evidence, Optional.of(score));
  }
}
