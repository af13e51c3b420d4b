package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * A human-labelled subsample that the grader also labelled: the 2×2 table of (human, grader) flags.
 *
 * @param bothFlag human and grader flagged
 * @param humanOnly only the human flagged (grader false negative)
 * @param graderOnly only the grader flagged (grader false positive)
 * @param neither neither flagged
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record LabelledSample(int bothFlag, int humanOnly, int graderOnly, int neither) {

  /** Validates the counts: non-negative, at least two items (a variance is needed). */
  public LabelledSample {
    if (bothFlag < 0 || humanOnly < 0 || graderOnly < 0 || neither < 0) {
      throw new IllegalArgumentException("Labelled counts are not all non-negative: "
          + bothFlag + ", " + humanOnly + ", " + graderOnly + ", " + neither);
    }
    if (bothFlag + humanOnly + graderOnly + neither < 2) {
      throw new IllegalArgumentException("Number of labelled items is not at least 2: "
          + (bothFlag + humanOnly + graderOnly + neither));
    }
  }

  /** Number of labelled items. */
  public int size() {
    return bothFlag + humanOnly + graderOnly + neither;
  }

  double humanMean() {
    return (bothFlag + humanOnly) / (double) size();
  }

  double graderMean() {
    return (bothFlag + graderOnly) / (double) size();
  }

  /** Sample covariance of (human, grader), denominator n − 1. */
  double covariance() {
    int n = size();
    return (bothFlag - n * humanMean() * graderMean()) / (n - 1);
  }

  double graderVariance() {
    int n = size();
    return n * graderMean() * (1 - graderMean()) / (n - 1);
  }

  double humanVariance() {
    int n = size();
    return n * humanMean() * (1 - humanMean()) / (n - 1);
  }
}
