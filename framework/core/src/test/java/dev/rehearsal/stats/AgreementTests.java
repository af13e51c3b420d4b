package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AgreementTests {

  /** Wikipedia, "Cohen's kappa", worked example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no gives κ = 0.4. */
  @Test
  void cohen_kappa_matches_the_published_worked_example() {
    assertThat(Agreement.cohen(20, 5, 10, 15)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void cohen_kappa_is_zero_when_reviewers_agree_only_by_chance() {
    assertThat(Agreement.cohen(25, 25, 25, 25)).isCloseTo(0.0, within(1e-12));
  }

  /**
   * Fleiss (1971) as worked in Wikipedia, "Fleiss' kappa": 10 items, 14 raters, 5 categories,
   * P̄ = 0.378, P̄e = 0.213, κ = 0.210.
   */
  @Test
  void fleiss_kappa_matches_the_published_worked_example() {
    int[][] counts = {
      {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}
    };

    assertThat(Agreement.fleiss(counts)).isCloseTo(0.210, within(0.0005));
  }

  @Test
  void fleiss_kappa_equals_one_for_unanimous_reviewers() {
    assertThat(Agreement.fleiss(new int[][] {{3, 0}, {0, 3}, {3, 0}})).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void fleiss_rejects_items_with_different_numbers_of_ratings() {
    assertThatThrownBy(() -> Agreement.fleiss(new int[][] {{3, 0}, {1, 1}}))
        .hasMessageContaining("expected 3 ratings over 2, got 2 over 2");
  }
}
