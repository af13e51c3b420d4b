package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultiplicityTests {

  /**
   * Benjamini Y, Hochberg Y (1995), "Controlling the false discovery rate", JRSS B 57:289-300,
   * section 4: fifteen p-values; at q = 0.05 the step-up procedure rejects the four smallest. The
   * Holm count below is worked by hand from the same values (0.0095 > 0.05/12).
   */
  private static final double[] BH_1995 = {
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528,
    0.7590, 1.000
  };

  @Test
  void benjamini_hochberg_rejects_four_of_the_1995_papers_fifteen_p_values() {
    boolean[] blocks = Multiplicity.blocks(BH_1995, 0.05, BlockCorrection.BENJAMINI_HOCHBERG);

    assertThat(blocks).containsExactly(true, true, true, true, false, false, false, false, false, false, false,
        false, false, false, false);
    // By hand: min over j ≥ 4 of 15·p(j)/j is 15·0.0095/4.
    assertThat(Multiplicity.adjust(BH_1995, BlockCorrection.BENJAMINI_HOCHBERG)[3]).isCloseTo(0.035625, within(1e-12));
  }

  @Test
  void holm_rejects_three_of_the_same_p_values() {
    assertThat(Multiplicity.countBlocks(BH_1995, 0.05, BlockCorrection.HOLM)).isEqualTo(3);
    // By hand: 0.0095 · 12 = 0.114 > 0.05 stops the step-down at the fourth.
    assertThat(Multiplicity.adjust(BH_1995, BlockCorrection.HOLM)[3]).isCloseTo(0.114, within(1e-12));
  }

  @Test
  void adjusted_p_values_keep_the_input_order() {
    double[] adjusted = Multiplicity.adjust(new double[] {0.04, 0.01, 0.03}, BlockCorrection.HOLM);

    assertThat(adjusted).containsExactly(new double[] {0.06, 0.03, 0.06}, within(1e-12));
    assertThat(Multiplicity.countBlocks(new double[] {0.04, 0.01, 0.03}, 0.05, BlockCorrection.NONE)).isEqualTo(3);
  }

  @Test
  void release_passes_only_when_every_gate_passes() {
    assertThat(Multiplicity.releasePasses(true, true, true)).isTrue();
    assertThat(Multiplicity.releasePasses(true, false, true)).isFalse();
  }
}
