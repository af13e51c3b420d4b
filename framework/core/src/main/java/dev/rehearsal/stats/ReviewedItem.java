package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * One item a person reviewed: the grader's flag, the person's label and the probability with which
 * the review sample included the item (1/π is its weight when positives were oversampled).
 *
 * @param graderFlag whether the grader flagged the item
 * @param humanFlag whether the reviewer labelled the item positive
 * @param inclusionProbability probability that the review draw included the item, in (0, 1]
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record ReviewedItem(boolean graderFlag, boolean humanFlag, double inclusionProbability) {

  /** Validates the inclusion probability. */
  public ReviewedItem {
    if (!(inclusionProbability > 0 && inclusionProbability <= 1)) {
      throw new IllegalArgumentException(
          "Inclusion probability is not in (0, 1]: " + inclusionProbability);
    }
  }

  double weight() {
    return 1 / inclusionProbability;
  }

  double human() {
    return humanFlag ? 1 : 0;
  }

  double grader() {
    return graderFlag ? 1 : 0;
  }
}
