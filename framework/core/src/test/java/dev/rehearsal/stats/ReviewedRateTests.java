package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewedRateTests {

  /**
   * By hand: 100 of 1,000 flagged; 50 flagged items reviewed (π = 0.5, 40 positive) and 50 of the
   * 900 unflagged (π = 1/18, 5 positive). Weighted, this is the post-stratified mean
   * 0.1 × 40/50 + 0.9 × 5/50 = 0.17, whatever λ is.
   */
  @Test
  void oversampled_positives_are_weighted_back_to_their_share() {
    List<ReviewedItem> reviewed = new ArrayList<>();
    add(reviewed, 40, true, true, 0.5);
    add(reviewed, 10, true, false, 0.5);
    add(reviewed, 5, false, true, 50 / 900.0);
    add(reviewed, 45, false, false, 50 / 900.0);

    CorrectedEstimate estimate = ReviewedRate.ppiPlusPlus(reviewed, 100, 1000, 0.95);

    assertThat(estimate.rate()).isCloseTo(0.17, within(1e-12));
    assertThat(estimate.method()).contains("inverse-probability weighted");
    assertThat(estimate.graderError()).isGreaterThan(estimate.samplingError());
  }

  /** Every item reviewed: the design variance vanishes (finite-population correction 0). */
  @Test
  void reviewing_every_item_leaves_only_sampling_error() {
    List<ReviewedItem> reviewed = new ArrayList<>();
    add(reviewed, 15, true, true, 1);
    add(reviewed, 5, true, false, 1);
    add(reviewed, 10, false, true, 1);
    add(reviewed, 70, false, false, 1);

    CorrectedEstimate estimate = ReviewedRate.ppiPlusPlus(reviewed, 20, 100, 0.95);

    assertThat(estimate.rate()).isCloseTo(0.25, within(1e-12));
    assertThat(estimate.graderError()).isCloseTo(0.0, within(1e-12));
    assertThat(estimate.samplingError()).isGreaterThan(0.03);
  }

  /** No flagged item reviewed: λ = 0, the human-only mean, so 12 of 100 positives gives 0.12. */
  @Test
  void falls_back_to_the_human_only_mean_when_a_verdict_was_never_reviewed() {
    List<ReviewedItem> reviewed = new ArrayList<>();
    add(reviewed, 12, false, true, 0.1);
    add(reviewed, 88, false, false, 0.1);

    CorrectedEstimate estimate = ReviewedRate.ppiPlusPlus(reviewed, 50, 1000, 0.95);

    assertThat(estimate.rate()).isCloseTo(0.12, within(1e-12));
    assertThat(estimate.method()).contains("lambda=0");
  }

  static void add(List<ReviewedItem> items, int count, boolean grader, boolean human, double pi) {
    for (int i = 0; i < count; i++) {
      items.add(new ReviewedItem(grader, human, pi));
    }
  }
}
